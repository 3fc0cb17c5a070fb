/** Publishes a journey from an end-to-end test as the product demands: snapshot, the three reviewers approve (signed, in the database), then the local login publishes. */
import { join } from 'node:path';
import { openDatabase } from '../../runtime/db/client.js';
import type { TestCarepath } from './carepath.js';
import type { ApiCall } from './local-api.js';
import { approveVersion } from './review.js';

/** Approves and publishes a version the local login snapshotted. */
export async function approveAndPublish(carepath: TestCarepath, call: ApiCall, versionId: string): Promise<void> {
  const database = await openDatabase(`file:${join(carepath.dataDir, 'carepath.db')}`);
  try {
    await approveVersion(database.db, versionId, (await call('GET', '/sessions/current')).body.user.id);
  } finally {
    database.close();
  }
  const published = await call('POST', `/versions/${versionId}/publish`);
  if (published.status !== 200) throw new Error(`publishing failed: ${JSON.stringify(published.body)}`);
}

/** Creates a journey from `document` and publishes its first version; answers both ids. */
export async function publishedJourney(
  carepath: TestCarepath,
  call: ApiCall,
  document: { name: string },
): Promise<{ journeyId: string; versionId: string }> {
  const created = await call('POST', '/journeys', { name: document.name, document });
  if (created.status !== 201) throw new Error(`creating the journey failed: ${JSON.stringify(created.body)}`);
  const journeyId = created.body.journey.id as string;
  const snapshot = await call('POST', `/journeys/${journeyId}/versions`);
  if (snapshot.status !== 201) throw new Error(`the snapshot failed: ${JSON.stringify(snapshot.body)}`);
  const versionId = snapshot.body.version.id as string;
  await approveAndPublish(carepath, call, versionId);
  return { journeyId, versionId };
}
