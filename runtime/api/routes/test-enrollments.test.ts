/** A journey's test patients in-process on a real libsql file: everyone's or mine, only patients marked test, newest first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { enrollments, patients } from '../../db/schema.js';
import { seedJourney } from '../../../test/integration/seed.js';

const f = useApiFixture();
let manager: string;
let journeyId: string;
let versionId: string;

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  const db = f.database.db;
  ({ journeyId, versionId } = await seedJourney(db));
  // Two test patients (one enrolled by the manager, one by the care team), one real patient, one older row with no enroller.
  const rows = [
    { n: 0, test: true, by: f.userIds['program-manager'], status: 'completed' },
    { n: 1, test: true, by: f.userIds['care-team'], status: 'running' },
    { n: 2, test: false, by: f.userIds['program-manager'], status: 'running' },
    { n: 3, test: true, by: null, status: 'exited' },
  ];
  for (const { n, test, by, status } of rows) {
    await db.insert(patients).values({ id: `pat_${n}`, name: `Patient ${n}`, timeZone: 'UTC', attributes: {}, test });
    await db.insert(enrollments).values({
      id: `enr_${n}`,
      journeyId,
      versionId,
      patientId: `pat_${n}`,
      workflowId: `wf_${n}`,
      status,
      enrolledBy: by,
      startedAt: `2026-01-0${n + 1}T00:00:00.000Z`,
      ...(status === 'exited' ? { reason: 'Ended from the designer', endedAt: '2026-01-05T00:00:00.000Z' } : {}),
    });
  }
});

describe('GET /api/journeys/{id}/test-enrollments', () => {
  it('lists every test patient of the journey, newest first, with version and who enrolled them; never a real patient', async () => {
    const answer = await f.call('GET', `/api/journeys/${journeyId}/test-enrollments`, { cookie: manager });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.testEnrollments).toEqual([
      expect.objectContaining({
        id: 'enr_3',
        patientName: 'Patient 3',
        status: 'exited',
        reason: 'Ended from the designer',
        enrolledBy: null,
      }),
      expect.objectContaining({
        id: 'enr_1',
        versionId,
        versionNumber: 1,
        patientId: 'pat_1',
        status: 'running',
        enrolledBy: { id: f.userIds['care-team'], name: 'care-team user' },
      }),
      expect.objectContaining({
        id: 'enr_0',
        enrolledBy: { id: f.userIds['program-manager'], name: 'program-manager user' },
      }),
    ]);
  });

  it('narrows to the caller’s own test patients and to one version', async () => {
    const mine = await f.call('GET', `/api/journeys/${journeyId}/test-enrollments?by=me`, { cookie: manager });
    expect(mine.body.testEnrollments.map((e: { id: string }) => e.id)).toEqual(['enr_0']);
    const other = await f.call('GET', `/api/journeys/${journeyId}/test-enrollments?versionId=ver_other`, {
      cookie: manager,
    });
    expect(other.body.testEnrollments).toEqual([]);
  });

  it('says what is wrong with a bad filter, answers 404 for an unknown journey and 403 to a reviewer', async () => {
    const bad = await f.call('GET', `/api/journeys/${journeyId}/test-enrollments?by=them`, { cookie: manager });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('/by');
    expect((await f.call('GET', '/api/journeys/jny_nope/test-enrollments', { cookie: manager })).status).toBe(404);
    const reviewer = await f.login(f.emailOf('compliance-reviewer'));
    expect((await f.call('GET', `/api/journeys/${journeyId}/test-enrollments`, { cookie: reviewer })).status).toBe(403);
  });
});
