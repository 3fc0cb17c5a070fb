/** For end-to-end tests whose story starts after review: snapshot a journey's draft and have the three disciplines approve it. */
import { join } from 'node:path';
import { openDatabase } from '../../runtime/db/client.js';
import type { TestCarepath } from './carepath.js';
import type { ApiCall } from './local-api.js';
import { approveVersion } from './review.js';

/** Snapshots the draft as the journey's next version (through the API, as `call`'s user) and approves it; returns its id. */
export async function snapshotApprovedVersion(carepath: TestCarepath, call: ApiCall, journeyId: string) {
  const snapshot = await call('POST', `/journeys/${journeyId}/versions`);
  if (snapshot.status !== 201) throw new Error(`snapshot refused: ${snapshot.status} ${JSON.stringify(snapshot.body)}`);
  const versionId = snapshot.body.version.id as string;
  const database = await openDatabase(`file:${join(carepath.dataDir, 'carepath.db')}`);
  try {
    const me = (await call('GET', '/sessions/current')).body.user.id as string;
    await approveVersion(database.db, versionId, me);
  } finally {
    database.close();
  }
  return versionId;
}
