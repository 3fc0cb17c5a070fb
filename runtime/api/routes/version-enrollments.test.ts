/** A version's enrollments in-process on a real libsql file: counts by status, each patient listed; without Temporal, no steps and says so. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { enrollments, patients, versions } from '../../db/schema.js';

const f = useApiFixture();
let manager: string;
let versionId: string;

const document = {
  schemaVersion: 2,
  name: 'Check-in',
  attributes: {},
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' } },
  start: 'end',
  steps: { end: { type: 'end', outputs: {} } },
};

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  const created = await f.call('POST', '/api/journeys', { cookie: manager, body: { name: document.name, document } });
  const snapshot = await f.call('POST', `/api/journeys/${created.body.journey.id}/versions`, { cookie: manager });
  versionId = snapshot.body.version.id;
  await f.database.db.update(versions).set({ status: 'published' }).where(eq(versions.id, versionId));
  const db = f.database.db;
  for (const [i, status] of (['running', 'running', 'exited'] as const).entries()) {
    await db.insert(patients).values({ id: `pat_${i}`, name: `Patient ${i}`, timeZone: 'UTC', attributes: {} });
    await db.insert(enrollments).values({
      id: `enr_${i}`,
      journeyId: created.body.journey.id,
      versionId,
      patientId: `pat_${i}`,
      workflowId: `wf_${i}`,
      status,
      ...(status === 'exited' ? { reason: 'moved away', endedAt: '2026-01-02T00:00:00.000Z' } : {}),
      startedAt: `2026-01-0${i + 1}T00:00:00.000Z`,
    });
  }
});

describe('GET /api/versions/{id}/enrollments', () => {
  it('counts by status and lists each patient, newest first; without visibility it says steps are unknown', async () => {
    const answer = await f.call('GET', `/api/versions/${versionId}/enrollments`, { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.total).toBe(3);
    expect(answer.body.byStatus).toEqual({ running: 2, exited: 1 });
    expect(answer.body.stepsKnown).toBe(false);
    expect(answer.body.enrollments.map((e: { patientName: string }) => e.patientName)).toEqual([
      'Patient 2',
      'Patient 1',
      'Patient 0',
    ]);
    expect(answer.body.enrollments[0]).toMatchObject({ status: 'exited', reason: 'moved away' });
  });

  it('answers 404 for an unknown version and 403 to an engineer', async () => {
    expect((await f.call('GET', '/api/versions/ver_nope/enrollments', { cookie: manager })).status).toBe(404);
    const engineer = await f.login(f.emailOf('engineer'));
    expect((await f.call('GET', `/api/versions/${versionId}/enrollments`, { cookie: engineer })).status).toBe(403);
  });
});
