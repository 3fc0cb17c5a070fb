/** Bulk enrollment API in-process on a real libsql file: the preview lists every row's problem and writes nothing; roles and bad input. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { enrollments, patients, versions } from '../../db/schema.js';

const f = useApiFixture();
let manager: string;
let versionId: string;

const document = {
  schemaVersion: 2,
  name: 'Refill reminder',
  attributes: { therapy: { type: 'string' } },
  settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
  start: 'remind',
  steps: {
    remind: {
      type: 'message',
      name: 'Remind',
      channel: 'sms',
      connector: 'dev',
      template: 'Time to refill.',
      outputs: { next: 'end' },
    },
    end: { type: 'end', outputs: {} },
  },
};

const csv = [
  'name,phone,timeZone,consent,therapy',
  'Ada Lovelace,(202) 555-0101,America/Chicago,yes,Humira',
  'Bad Phone,555,America/Chicago,yes,',
  'ada  lovelace,+1 202 555 0101,America/Chicago,yes,',
  'No Consent,+12025550102,Europe/Paris,no,',
  'Luis Lovelace,202 555 0101,America/Chicago,yes,',
].join('\n');

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  const created = await f.call('POST', '/api/journeys', { cookie: manager, body: { name: document.name, document } });
  expect(created.status).toBe(201);
  const snapshot = await f.call('POST', `/api/journeys/${created.body.journey.id}/versions`, { cookie: manager });
  expect(snapshot.status).toBe(201);
  versionId = snapshot.body.version.id;
  // The review is not this test's subject: the version is marked published directly.
  await f.database.db.update(versions).set({ status: 'published' }).where(eq(versions.id, versionId));
});

const countPatients = async () => (await f.database.db.select().from(patients)).length;

describe('POST /api/versions/{id}/bulk-enrollments/preview', () => {
  it('lists every row with its problems and writes nothing', async () => {
    const before = await countPatients();
    const answer = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments/preview`, {
      cookie: manager,
      body: { csv },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.counts).toEqual({ rows: 5, ready: 2, problems: 3, alreadyEnrolled: 0 });
    expect(answer.body.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [2, 'ready'],
      [3, 'problem'],
      [4, 'problem'],
      [5, 'problem'],
      [6, 'ready'],
    ]);
    expect(answer.body.rows[0].phone).toBe('+12025550101');
    expect(answer.body.rows[1].problems).toEqual(['bad phone "555": not a valid phone number']);
    expect(answer.body.rows[2].problems).toEqual(['duplicate of line 2']);
    expect(answer.body.rows[3].problems).toEqual(['missing consent for sms']);
    // Another name on the same number is a second patient sharing it (a family phone): flagged on both rows, not refused.
    expect(answer.body.rows[4].warnings).toEqual(['shares the phone number +12025550101 with line 2 (Ada Lovelace)']);
    expect(answer.body.rows[0].warnings).toEqual(['shares the phone number +12025550101 with line 6 (Luis Lovelace)']);
    expect(await countPatients()).toBe(before);
  });

  it("flags a row sharing an existing patient's number, and matches the existing patient only by name and number", async () => {
    const maria = await f.call('POST', '/api/patients', {
      cookie: manager,
      body: { name: 'Maria Garcia', phone: '+12025550110', timeZone: 'America/Chicago' },
    });
    expect(maria.status, maria.text).toBe(201);
    const answer = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments/preview`, {
      cookie: manager,
      body: {
        csv: [
          'name,phone,timeZone,consent',
          'Luis Garcia,+12025550110,UTC,yes',
          'MARIA GARCIA,2025550110,UTC,yes',
        ].join('\n'),
      },
    });
    expect(answer.status, answer.text).toBe(200);
    const [luis, same] = answer.body.rows;
    expect(luis).toMatchObject({ status: 'ready' });
    expect(luis.patientId).toBeUndefined();
    expect(luis.warnings).toEqual([
      'shares the phone number +12025550110 with line 3 (MARIA GARCIA)',
      'shares the phone number +12025550110 with Maria Garcia, already a patient',
    ]);
    expect(same).toMatchObject({ status: 'ready', patientId: maria.body.patient.id });
  });

  it('refuses a file without a header, and an empty body, with a 400 that says why', async () => {
    const noHeader = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments/preview`, {
      cookie: manager,
      body: { csv: 'Ada,+12025550101\n' },
    });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.message).toMatch(/header line/);
    const empty = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments/preview`, {
      cookie: manager,
      body: {},
    });
    expect(empty.status).toBe(400);
  });

  it('keeps patient data from engineers', async () => {
    const engineer = await f.login(f.emailOf('engineer'));
    const answer = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments/preview`, {
      cookie: engineer,
      body: { csv },
    });
    expect(answer.status).toBe(403);
  });
});

describe('POST /api/versions/{id}/bulk-enrollments', () => {
  it('answers 503 when the workflow service is unavailable, having written nothing', async () => {
    const before = await countPatients();
    const answer = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments`, {
      cookie: manager,
      body: { csv },
    });
    expect(answer.status).toBe(503);
    expect(await countPatients()).toBe(before);
    expect(await f.database.db.select().from(enrollments)).toEqual([]);
  });

  it('refuses a version that is not published (paused: no new enrollments)', async () => {
    await f.database.db.update(versions).set({ status: 'paused' }).where(eq(versions.id, versionId));
    try {
      const answer = await f.call('POST', `/api/versions/${versionId}/bulk-enrollments`, {
        cookie: manager,
        body: { csv },
      });
      expect(answer.status).toBe(409);
      expect(answer.body.error.message).toMatch(/only a published version takes enrollments/);
    } finally {
      await f.database.db.update(versions).set({ status: 'published' }).where(eq(versions.id, versionId));
    }
  });
});
