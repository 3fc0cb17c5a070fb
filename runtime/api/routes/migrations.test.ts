/** Migration routes in-process on a real libsql file: program managers only, and every bad request refused with a clear 4xx before Temporal is needed. */
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useApiFixture } from '../../people/api-fixture.test-support.js';
import { enrollmentMigrations, versions } from '../../db/schema.js';
import type { Role } from '../../people/roles.js';

const f = useApiFixture();
let manager: string;
let v1: string;
let v2: string;
let v3Snapshot: string;
let otherJourneyVersion: string;

function document(question: string) {
  return {
    schemaVersion: 2,
    name: 'Check-in',
    attributes: {},
    settings: { timeZone: { source: 'patient', fallback: 'America/New_York' }, consentPurpose: 'adherence-support' },
    start: 'wait',
    steps: {
      wait: { type: 'wait', wait: { kind: 'duration', duration: 'P2D' }, outputs: { next: 'ask' } },
      ask: {
        type: 'message',
        channel: 'sms',
        connector: 'dev',
        template: question,
        await: { classes: [{ id: 'yes', label: 'Yes', match: ['1'] }], timeout: 'P1D' },
        outputs: { yes: 'end', timeout: 'end' },
      },
      end: { type: 'end', outputs: {} },
    },
  };
}

async function snapshot(journeyId: string, doc: unknown, status?: string) {
  const saved = await f.call('GET', `/api/journeys/${journeyId}`, { cookie: manager });
  const put = await f.call('PUT', `/api/journeys/${journeyId}/draft`, {
    cookie: manager,
    body: { document: doc, revision: saved.body.journey.draftRevision },
  });
  expect(put.status, put.text).toBe(200);
  const made = await f.call('POST', `/api/journeys/${journeyId}/versions`, { cookie: manager });
  expect(made.status, made.text).toBe(201);
  const id = made.body.version.id as string;
  if (status) await f.database.db.update(versions).set({ status }).where(eq(versions.id, id));
  return id;
}

beforeAll(async () => {
  manager = await f.login(f.emailOf('program-manager'));
  const created = await f.call('POST', '/api/journeys', {
    cookie: manager,
    body: { name: 'Check-in', document: document('Did it go well? Reply 1.') },
  });
  const journeyId = created.body.journey.id;
  v1 = await snapshot(journeyId, document('Did it go well? Reply 1.'), 'superseded');
  v2 = await snapshot(journeyId, document('How did it go? Reply 1.'), 'published');
  v3Snapshot = await snapshot(journeyId, document('Any trouble? Reply 1.'));
  const other = await f.call('POST', '/api/journeys', {
    cookie: manager,
    body: { name: 'Other', document: document('Other? Reply 1.') },
  });
  otherJourneyVersion = await snapshot(other.body.journey.id, document('Other? Reply 1.'), 'published');
});

const dryRun = (to: string, body: unknown, cookie = manager) =>
  f.call('POST', `/api/versions/${to}/migrations/dry-run`, { cookie, body });

describe('who may migrate', () => {
  it.each(['care-team', 'compliance-reviewer', 'engineer', 'admin'] as Role[])('refuses %s with 403', async (role) => {
    const cookie = await f.login(f.emailOf(role));
    const answer = await dryRun(v2, { fromVersionId: v1 }, cookie);
    expect(answer.status).toBe(403);
    expect(
      (await f.call('POST', `/api/versions/${v2}/migrations`, { cookie, body: { fromVersionId: v1 } })).status,
    ).toBe(403);
  });

  it('asks for a login first', async () => {
    expect((await dryRun(v2, { fromVersionId: v1 }, '')).status).toBe(401);
  });
});

describe('bad requests change nothing and say what is wrong', () => {
  it('a malformed body is a 400 naming the field', async () => {
    const answer = await dryRun(v2, { fromVersionId: v1, mapping: { ask: 7 } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain('/mapping/ask');
    expect((await dryRun(v2, {})).body.error.message).toContain('/fromVersionId');
  });

  it('unknown versions are 404', async () => {
    expect((await dryRun('ver_nope', { fromVersionId: v1 })).status).toBe(404);
    const answer = await dryRun(v2, { fromVersionId: 'ver_nope' });
    expect(answer.status).toBe(404);
    expect(answer.body.error.message).toBe('No version with id "ver_nope".');
  });

  it('another journey, an earlier version and an unapproved target are refused', async () => {
    const other = await dryRun(v2, { fromVersionId: otherJourneyVersion });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toContain('belongs to another journey');
    const backwards = await dryRun(v1, { fromVersionId: v2 });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.message).toContain('version 1 is not later than version 2');
    const unapproved = await dryRun(v3Snapshot, { fromVersionId: v2 });
    expect(unapproved.status).toBe(409);
    expect(unapproved.body.error.message).toBe(
      'Version 3 is snapshot; patients move only to an approved or published version.',
    );
  });

  it('a mapping with bad choices is a 422 with a pointer per problem, and nothing is recorded', async () => {
    const answer = await f.call('POST', `/api/versions/${v2}/migrations`, {
      cookie: manager,
      body: { fromVersionId: v1, mapping: { wait: 'end', ask: 'nowhere' } },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.problems.map((p: { pointer: string }) => p.pointer)).toEqual([
      '/mapping/wait',
      '/mapping/ask',
    ]);
    expect(answer.body.error.message).toContain('Step "end" is a step of type end');
    expect(answer.body.error.message).toContain('Step "nowhere" does not exist in the new version');
    expect(await f.database.db.select().from(enrollmentMigrations)).toEqual([]);
  });

  it('a valid request while Temporal is down is a 503: where patients wait is unknown', async () => {
    const answer = await dryRun(v2, { fromVersionId: v1, mapping: { ask: 'ask' } });
    expect(answer.status).toBe(503);
    expect(answer.body.error.message).toContain('Temporal is not reachable');
    const run = await f.call('POST', `/api/versions/${v2}/migrations`, {
      cookie: manager,
      body: { fromVersionId: v1, mapping: { ask: 'ask' } },
    });
    expect(run.status).toBe(503);
  });

  it('an unknown migration is 404 to read and to retry', async () => {
    expect((await f.call('GET', '/api/migrations/mig_nope', { cookie: manager })).status).toBe(404);
    expect((await f.call('POST', '/api/migrations/mig_nope/retry', { cookie: manager })).status).toBe(404);
    const list = await f.call('GET', `/api/versions/${v2}/migrations`, { cookie: manager });
    expect(list.body).toEqual({ migrations: [] });
  });
});
