/** Versions for end-to-end tests whose story starts after review, as the product demands: snapshot, the three reviewers approve (signed, in the database), then the local login publishes. */
import { join } from 'node:path';
import { openDatabase } from '../../runtime/db/client.js';
import type { TestCarepath } from './carepath.js';
import type { ApiCall } from './local-api.js';
import { approveVersion } from './review.js';

/** Snapshots the journey's draft as its next version (as `call`'s user) and has the three disciplines approve it. */
export async function snapshotApprovedVersion(carepath: TestCarepath, call: ApiCall, journeyId: string) {
  const snapshot = await call('POST', `/journeys/${journeyId}/versions`);
  if (snapshot.status !== 201)
    throw new Error(`the snapshot failed: ${snapshot.status} ${JSON.stringify(snapshot.body)}`);
  const versionId = snapshot.body.version.id as string;
  const database = await openDatabase(`file:${join(carepath.dataDir, 'carepath.db')}`);
  try {
    await approveVersion(database.db, versionId, (await call('GET', '/sessions/current')).body.user.id);
  } finally {
    database.close();
  }
  return versionId;
}

/** Snapshots, approves and publishes the journey's draft; answers the version's id. */
export async function snapshotPublishedVersion(carepath: TestCarepath, call: ApiCall, journeyId: string) {
  const versionId = await snapshotApprovedVersion(carepath, call, journeyId);
  const published = await call('POST', `/versions/${versionId}/publish`);
  if (published.status !== 200) throw new Error(`publishing failed: ${JSON.stringify(published.body)}`);
  return versionId;
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
  return { journeyId, versionId: await snapshotPublishedVersion(carepath, call, journeyId) };
}
