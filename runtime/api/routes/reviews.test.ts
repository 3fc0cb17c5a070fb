import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { useApiFixture, PASSWORD } from '../../people/api-fixture.test-support.js';
import { ensureUser } from '../../people/users.js';
import { auditTrail, signatures, versions } from '../../db/schema.js';
import type { Discipline } from '../../people/roles.js';

const example = JSON.parse(
  readFileSync(new URL('../../../examples/journeys/first-dose-check-in.journey.json', import.meta.url), 'utf8'),
);

const fixture = useApiFixture();
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

/** People beyond one-per-role: a reviewer per discipline, a second medical reviewer, and an author who holds every role. */
const people: Record<string, { roles: string[]; discipline?: Discipline }> = {
  medical: { roles: ['compliance-reviewer'], discipline: 'medical' },
  medical2: { roles: ['compliance-reviewer'], discipline: 'medical' },
  legal: { roles: ['compliance-reviewer'], discipline: 'legal' },
  regulatory: { roles: ['compliance-reviewer'], discipline: 'regulatory' },
  author: { roles: ['program-manager', 'compliance-reviewer', 'admin'], discipline: 'legal' },
  guesser: { roles: ['compliance-reviewer'], discipline: 'regulatory' },
};

beforeAll(async () => {
  for (const [who, person] of Object.entries(people)) {
    ids[who] = await ensureUser(fixture.database.db, {
      email: `${who}@reviews.example.org`,
      name: `Reviewer ${who}`,
      password: PASSWORD,
      roles: person.roles as never,
      discipline: person.discipline ?? null,
    });
    cookies[who] = await fixture.login(`${who}@reviews.example.org`);
  }
  cookies.pm = await fixture.login(fixture.emailOf('program-manager'));
  cookies.admin = await fixture.login(fixture.emailOf('admin'));
  cookies.engineer = await fixture.login(fixture.emailOf('engineer'));
});

const as = (who: string) => ({
  get: (path: string) => fixture.call('GET', path, { cookie: cookies[who] }),
  post: (path: string, body?: unknown) => fixture.call('POST', path, { cookie: cookies[who], body }),
  put: (path: string, body?: unknown) => fixture.call('PUT', path, { cookie: cookies[who], body }),
});

/** A journey with `example`'s content, its draft last saved by `editor`, snapshotted by the program manager. */
async function snapshotBy(editor = 'pm', name = 'Check-in', document = example) {
  const journey = (await as('pm').post('/api/journeys', { name, document })).body.journey;
  if (editor !== 'pm') await as(editor).put(`/api/journeys/${journey.id}/draft`, { document: { ...document, name } });
  const version = (await as('pm').post(`/api/journeys/${journey.id}/versions`)).body.version;
  return { journeyId: journey.id as string, versionId: version.id as string };
}

async function submitted(editor = 'pm') {
  const made = await snapshotBy(editor);
  expect((await as('pm').post(`/api/versions/${made.versionId}/submit`)).status).toBe(200);
  return made;
}

const approve = (discipline: Discipline, extra: Record<string, unknown> = {}) => ({
  password: PASSWORD,
  discipline,
  decision: 'approve',
  meaning: `I approve this content as ${discipline}ly sound`,
  ...extra,
});

async function signaturesOf(versionId: string) {
  return fixture.database.db.select().from(signatures).where(eq(signatures.versionId, versionId));
}

async function audited(action: string, entityId: string) {
  return fixture.database.db
    .select()
    .from(auditTrail)
    .where(and(eq(auditTrail.action, action), eq(auditTrail.entityId, entityId)));
}

describe('the review lifecycle', () => {
  it('goes snapshot → submitted → approved → published; signatures show on the version and in its export', async () => {
    const { versionId } = await snapshotBy();
    const early = await as('pm').post(`/api/versions/${versionId}/publish`);
    expect([early.status, early.body.error.code]).toEqual([409, 'version-not-approved']);

    const sent = await as('pm').post(`/api/versions/${versionId}/submit`);
    expect(sent.body.version).toMatchObject({
      status: 'submitted',
      requiredDisciplines: ['medical', 'legal', 'regulatory'],
    });
    expect((await as('legal').get('/api/reviews/queue')).body.versions.map((v: { id: string }) => v.id)).toContain(
      versionId,
    );

    const first = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect(first.status).toBe(201);
    expect(first.body.version.status).toBe('submitted');
    expect(first.body.signature).toMatchObject({
      printedName: 'Reviewer medical',
      discipline: 'medical',
      decision: 'approve',
      meaning: 'I approve this content as medically sound',
      contentHash: sent.body.version.contentHash,
      signedAt: expect.any(String),
    });
    // Signed by medical: gone from the medical queue, still in the legal one with medical no longer awaited.
    expect((await as('medical2').get('/api/reviews/queue')).body.versions).toEqual([]);
    const legalQueue = (await as('legal').get('/api/reviews/queue')).body.versions;
    expect(legalQueue.find((v: { id: string }) => v.id === versionId).awaiting).toEqual(['legal', 'regulatory']);

    await as('legal').post(`/api/versions/${versionId}/signatures`, approve('legal'));
    const last = await as('regulatory').post(`/api/versions/${versionId}/signatures`, approve('regulatory'));
    expect(last.body.version).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });

    const published = await as('pm').post(`/api/versions/${versionId}/publish`);
    expect(published.body.version.status).toBe('published');
    const read = (await as('medical').get(`/api/versions/${versionId}`)).body.version;
    expect(read.signatures.map((s: { discipline: string }) => s.discipline)).toEqual([
      'medical',
      'legal',
      'regulatory',
    ]);

    const exported = await as('medical').get(`/api/versions/${versionId}/export`);
    expect(exported.body.version.signatures).toHaveLength(3);
    expect(exported.body.version.document.steps.welcome.template).toBe(example.steps.welcome.template);
    expect(await audited('version.exported', versionId)).toHaveLength(1);
  });

  it('any rejection sends the version back with the reviewer’s reason; it cannot be signed or resubmitted', async () => {
    const { versionId } = await submitted();
    await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    const noReason = await as('legal').post(`/api/versions/${versionId}/signatures`, {
      ...approve('legal'),
      decision: 'reject',
    });
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'reason-required']);

    const rejected = await as('legal').post(`/api/versions/${versionId}/signatures`, {
      ...approve('legal'),
      decision: 'reject',
      meaning: 'I reject this content on legal grounds',
      reason: 'The welcome text promises an outcome; say "support" instead.',
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body.version).toMatchObject({
      status: 'changes-requested',
      changesRequested: {
        reason: 'The welcome text promises an outcome; say "support" instead.',
        discipline: 'legal',
        by: { id: ids.legal, name: 'Reviewer legal' },
      },
    });
    const late = await as('regulatory').post(`/api/versions/${versionId}/signatures`, approve('regulatory'));
    expect([late.status, late.body.error.code]).toEqual([409, 'version-not-in-review']);
    expect((await as('pm').post(`/api/versions/${versionId}/submit`)).status).toBe(409);
    expect((await as('pm').post(`/api/versions/${versionId}/publish`)).status).toBe(409);
  });

  it('publishing the next version supersedes the live one, which can no longer be resumed', async () => {
    const { journeyId, versionId: first } = await submitted();
    for (const d of ['medical', 'legal', 'regulatory'] as const)
      await as(d).post(`/api/versions/${first}/signatures`, approve(d));
    await as('pm').post(`/api/versions/${first}/publish`);
    await as('pm').post(`/api/versions/${first}/pause`);

    const changed = structuredClone(example);
    changed.steps.welcome.template = 'Welcome to your support program.';
    await as('pm').put(`/api/journeys/${journeyId}/draft`, { document: { ...changed, name: 'Check-in' } });
    const second = (await as('pm').post(`/api/journeys/${journeyId}/versions`)).body.version.id;
    await as('pm').post(`/api/versions/${second}/submit`);
    for (const d of ['medical', 'legal', 'regulatory'] as const)
      await as(d).post(`/api/versions/${second}/signatures`, approve(d));
    expect((await as('pm').post(`/api/versions/${second}/publish`)).body.version.status).toBe('published');

    expect((await as('pm').get(`/api/versions/${first}`)).body.version.status).toBe('superseded');
    expect((await as('pm').post(`/api/versions/${first}/resume`)).status).toBe(409);
    const diff = (await as('medical').get(`/api/versions/${second}/diff`)).body;
    expect(diff.base.id).toBe(first);
    expect(diff.diff.steps.find((s: { stepId: string }) => s.stepId === 'welcome')).toMatchObject({
      status: 'changed',
      changedFields: [{ pointer: '/template', after: 'Welcome to your support program.' }],
    });
    expect(diff.diff.steps.find((s: { stepId: string }) => s.stepId === 'end-well').unchangedSince).toBe(1);
  });
});

describe('signature rules, each refused with a status and a code naming it, and nothing signed', () => {
  it('a wrong password: 401, audited', async () => {
    const { versionId } = await submitted();
    const refused = await as('medical').post(`/api/versions/${versionId}/signatures`, {
      ...approve('medical'),
      password: 'not my password',
    });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'wrong-password']);
    expect(await signaturesOf(versionId)).toEqual([]);
    expect(await audited('signature.password-refused', versionId)).toHaveLength(1);
  });

  it('a burst of wrong passwords is throttled like logins: 429, and then even the right one waits', async () => {
    const { versionId } = await submitted();
    const statuses: number[] = [];
    while (statuses.at(-1) !== 429 && statuses.length < 10)
      statuses.push(
        (
          await as('guesser').post(`/api/versions/${versionId}/signatures`, {
            ...approve('regulatory'),
            password: 'guess',
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await as('guesser').post(`/api/versions/${versionId}/signatures`, approve('regulatory'));
    expect(right.status).toBe(429);
    expect(await signaturesOf(versionId)).toEqual([]);
  });

  it('a discipline the signer does not hold: 403', async () => {
    const { versionId } = await submitted();
    const refused = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('legal'));
    expect([refused.status, refused.body.error.code]).toEqual([403, 'not-a-reviewer-for-discipline']);
    // A program manager or an admin is no reviewer at all.
    const admin = await as('admin').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect(admin.status).toBe(403);
    expect(await signaturesOf(versionId)).toEqual([]);
  });

  it('a version the signer edited, whatever roles they hold (admin included): 403', async () => {
    const { versionId } = await submitted('author');
    const refused = await as('author').post(`/api/versions/${versionId}/signatures`, approve('legal'));
    expect([refused.status, refused.body.error.code]).toEqual([403, 'signer-edited-version']);
    expect(refused.body.error.message).toMatch(/authored or edited/);
    const queue = (await as('author').get('/api/reviews/queue')).body.versions;
    expect(queue.map((v: { id: string }) => v.id)).not.toContain(versionId);
    expect(await signaturesOf(versionId)).toEqual([]);
  });

  it('signing twice for one discipline, or twice as one person: 409', async () => {
    const { versionId } = await submitted();
    await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    const again = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect([again.status, again.body.error.code]).toEqual([409, 'already-signed-by-you']);
    const other = await as('medical2').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect([other.status, other.body.error.code]).toEqual([409, 'discipline-already-signed']);
    expect(await signaturesOf(versionId)).toHaveLength(1);
  });

  it('a stored document that no longer matches the version’s hash: 409, audited as an integrity error', async () => {
    const { versionId } = await submitted();
    const [row] = await fixture.database.db.select().from(versions).where(eq(versions.id, versionId));
    const edited = structuredClone(row.document) as typeof example;
    edited.steps.welcome.template = 'Edited behind the reviewers’ backs.';
    await fixture.database.db.update(versions).set({ document: edited }).where(eq(versions.id, versionId));

    const refused = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect([refused.status, refused.body.error.code]).toEqual([409, 'content-hash-mismatch']);
    expect(await signaturesOf(versionId)).toEqual([]);
    expect(await audited('version.integrity-error', versionId)).toHaveLength(1);
  });

  it('a snapshot not yet submitted, and malformed requests: 409 and 400', async () => {
    const { versionId } = await snapshotBy();
    const early = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect([early.status, early.body.error.code]).toEqual([409, 'version-not-in-review']);
    const bad = await as('medical').post(`/api/versions/${versionId}/signatures`, {
      ...approve('medical'),
      decision: 'maybe',
      meaning: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/\/decision/);
    expect(bad.body.error.message).toMatch(/\/meaning/);
    expect((await as('pm').post(`/api/versions/${versionId}/signatures`, approve('medical'))).status).toBe(403);
    expect(await signaturesOf(versionId)).toEqual([]);
  });
});

describe('enrolling into a published version whose stored document changed', () => {
  it('is refused with 409 before anything starts, audited', async () => {
    const { versionId } = await submitted();
    for (const d of ['medical', 'legal', 'regulatory'] as const)
      await as(d).post(`/api/versions/${versionId}/signatures`, approve(d));
    await as('pm').post(`/api/versions/${versionId}/publish`);
    // Rewrite the document and the version's hash together: the approvals still name the old hash.
    const [row] = await fixture.database.db.select().from(versions).where(eq(versions.id, versionId));
    const edited = structuredClone(row.document) as typeof example;
    edited.steps.welcome.template = 'Edited.';
    const { contentHash } = await import('../../../schema/canonical.js');
    await fixture.database.db
      .update(versions)
      .set({ document: edited, contentHash: await contentHash(edited) })
      .where(eq(versions.id, versionId));
    const patient = (
      await as('pm').post('/api/patients', { name: 'Ada Lovelace', phone: '+12025550190', timeZone: 'America/Chicago' })
    ).body.patient;
    const refused = await as('pm').post('/api/enrollments', { versionId, patientId: patient.id });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'content-hash-mismatch']);
    expect(refused.body.error.message).toMatch(/approvals were signed on/);
    expect(await audited('version.integrity-error', versionId)).toHaveLength(1);
  });
});

describe('comments', () => {
  it('a reviewer comments on a step, the author answers and resolves; all audited', async () => {
    const { versionId } = await submitted();
    const unknown = await as('medical').post(`/api/versions/${versionId}/comments`, { body: 'Hm', stepId: 'nope' });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, 'unknown-step']);
    const opened = await as('medical').post(`/api/versions/${versionId}/comments`, {
      body: 'Say who is writing in the welcome.',
      stepId: 'welcome',
    });
    expect(opened.status).toBe(201);
    const thread = opened.body.comment;
    expect(thread).toMatchObject({ stepId: 'welcome', parentId: null, author: { id: ids.medical } });
    const whole = await as('legal').post(`/api/versions/${versionId}/comments`, { body: 'Fine overall.' });
    expect(whole.body.comment.stepId).toBeNull();

    const answer = await as('pm').post(`/api/comments/${thread.id}/replies`, { body: 'Done in the next version.' });
    expect(answer.body.comment).toMatchObject({ parentId: thread.id, stepId: 'welcome' });
    expect((await as('legal').post(`/api/comments/${thread.id}/resolve`)).status).toBe(403);
    const resolved = await as('pm').post(`/api/comments/${answer.body.comment.id}/resolve`);
    expect(resolved.body.comment).toMatchObject({
      id: thread.id,
      resolvedBy: { id: fixture.userIds['program-manager'] },
    });
    expect((await as('pm').post(`/api/comments/${thread.id}/resolve`)).status).toBe(409);

    const listed = (await as('medical').get(`/api/versions/${versionId}/comments`)).body.comments;
    expect(listed.map((c: { body: string }) => c.body)).toEqual([
      'Say who is writing in the welcome.',
      'Fine overall.',
      'Done in the next version.',
    ]);
    expect(await audited('comment.created', versionId)).toHaveLength(2);
    expect(await audited('comment.replied', versionId)).toHaveLength(1);
    expect(await audited('comment.resolved', versionId)).toHaveLength(1);
    expect((await as('engineer').get(`/api/versions/${versionId}/comments`)).status).toBe(403);
  });
});

describe('review settings', () => {
  it('an admin sets which disciplines a journey needs; submitting freezes them; bad input changes nothing', async () => {
    const { journeyId, versionId } = await snapshotBy('pm', 'Medical only');
    expect((await as('pm').get(`/api/journeys/${journeyId}/review-settings`)).body).toEqual({
      disciplines: ['medical', 'legal', 'regulatory'],
      source: 'server',
    });
    expect(
      (await as('pm').put(`/api/journeys/${journeyId}/review-settings`, { disciplines: ['medical'] })).status,
    ).toBe(403);
    const bad = await as('admin').put(`/api/journeys/${journeyId}/review-settings`, {
      disciplines: ['medical', 'art'],
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'unknown-discipline']);
    const set = await as('admin').put(`/api/journeys/${journeyId}/review-settings`, { disciplines: ['medical'] });
    expect(set.body).toEqual({ disciplines: ['medical'], source: 'journey' });

    await as('pm').post(`/api/versions/${versionId}/submit`);
    await as('admin').put(`/api/journeys/${journeyId}/review-settings`, { disciplines: null });
    const signed = await as('medical').post(`/api/versions/${versionId}/signatures`, approve('medical'));
    expect(signed.body.version).toMatchObject({ status: 'approved', requiredDisciplines: ['medical'] });
  });
});

describe('draft saves', () => {
  it('are recorded and audited, and make their author an editor of the next version', async () => {
    const { journeyId, versionId } = await snapshotBy('author', 'Edited by the author');
    expect(await audited('journey.draft-saved', journeyId)).toHaveLength(1);
    const version = (await as('pm').get(`/api/versions/${versionId}`)).body.version;
    expect(version.editors.map((e: { id: string }) => e.id).sort()).toEqual(
      [ids.author, fixture.userIds['program-manager']].sort(),
    );
  });
});
