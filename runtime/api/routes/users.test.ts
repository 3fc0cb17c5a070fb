/** Users and roles through the API: an admin creates, edits, disables and re-enables users; everyone else is refused; all audited. */
import { describe, expect, it } from 'vitest';
import { useApiFixture, PASSWORD } from '../../people/api-fixture.test-support.js';
import { auditRecords } from '../../db/audit-export.js';

const f = useApiFixture();

describe('users API', () => {
  it('lets an admin create a medical reviewer, audited without the password', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const created = await f.call('POST', '/api/users', {
      cookie: admin,
      body: {
        email: 'Rita@Example.org',
        name: 'Rita Reviewer',
        password: 'reviewer password 1',
        roles: ['compliance-reviewer'],
        discipline: 'medical',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'rita@example.org',
      roles: ['compliance-reviewer'],
      discipline: 'medical',
      disabled: false,
    });
    expect(created.body.user).not.toHaveProperty('passwordHash');
    const [record] = await auditRecords(f.database.db, { entityId: created.body.user.id });
    expect(record).toMatchObject({ action: 'user.created', actor: f.userIds.admin, actorName: 'admin user' });
    expect(JSON.stringify(record)).not.toContain('reviewer password 1');
    const rita = await f.login('rita@example.org', 'reviewer password 1');
    expect((await f.call('GET', '/api/sessions/current', { cookie: rita })).body.user).toMatchObject({
      discipline: 'medical',
    });
  });

  it('refuses bad input naming the field, and creates nothing', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const before = (await f.call('GET', '/api/users', { cookie: admin })).body.users.length;
    const cases: [unknown, number, RegExp][] = [
      [
        { email: 'a@example.org', name: 'A', password: 'long enough pw', roles: ['compliance-reviewer'] },
        400,
        /\/discipline.*needs a discipline/,
      ],
      [
        { email: 'b@example.org', name: 'B', password: 'long enough pw', roles: ['engineer'], discipline: 'legal' },
        400,
        /only a compliance reviewer/,
      ],
      [{ email: 'c@example.org', name: 'C', password: 'long enough pw', roles: ['wizard'] }, 400, /\/roles/],
      [{ email: 'd@example.org', name: 'D', password: 'short', roles: ['engineer'] }, 400, /\/password.*at least 10/],
      [{ email: 'not-an-email', name: 'E', password: 'long enough pw', roles: ['engineer'] }, 400, /\/email/],
      [
        { email: f.emailOf('engineer'), name: 'F', password: 'long enough pw', roles: ['engineer'] },
        409,
        /already exists/,
      ],
    ];
    for (const [body, status, message] of cases) {
      const answer = await f.call('POST', '/api/users', { cookie: admin, body });
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await f.call('GET', '/api/users', { cookie: admin })).body.users.length).toBe(before);
  });

  it('refuses everyone but admins, before looking at the request', async () => {
    const manager = await f.login(f.emailOf('program-manager'));
    expect((await f.call('GET', '/api/users', { cookie: manager })).status).toBe(403);
    expect((await f.call('POST', '/api/users', { cookie: manager, body: {} })).status).toBe(403);
    expect((await f.call('POST', '/api/users', { body: {} })).status).toBe(401);
  });

  it('changes roles and discipline, ending the sessions of a user who lost a role', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const created = await f.call('POST', '/api/users', {
      cookie: admin,
      body: {
        email: 'lee@example.org',
        name: 'Lee',
        password: 'lee password 12',
        roles: ['program-manager', 'care-team'],
      },
    });
    const id = created.body.user.id;
    const lee = await f.login('lee@example.org', 'lee password 12');
    const changed = await f.call('PATCH', `/api/users/${id}`, {
      cookie: admin,
      body: { roles: ['compliance-reviewer'], discipline: 'legal', name: 'Lee Legal' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ name: 'Lee Legal', roles: ['compliance-reviewer'], discipline: 'legal' });
    expect((await f.call('GET', '/api/sessions/current', { cookie: lee })).status).toBe(401);
    const records = await auditRecords(f.database.db, { entityId: id });
    expect(records.map((r) => r.action)).toEqual(['user.created', 'session.login', 'user.updated']);
    expect(records[2].data).toMatchObject({
      roles: { from: ['program-manager', 'care-team'], to: ['compliance-reviewer'] },
    });
    const dropped = await f.call('PATCH', `/api/users/${id}`, { cookie: admin, body: { discipline: null } });
    expect(dropped.status).toBe(400);
  });

  it('disables a user: their session ends, they cannot log in; enabling lets them back', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const engineer = await f.login(f.emailOf('engineer'));
    const id = f.userIds.engineer;
    const disabled = await f.call('PUT', `/api/users/${id}/status`, { cookie: admin, body: { disabled: true } });
    expect(disabled.body.user.disabled).toBe(true);
    expect((await f.call('GET', '/api/sessions/current', { cookie: engineer })).status).toBe(401);
    const refused = await f.call('POST', '/api/sessions', {
      body: { email: f.emailOf('engineer'), password: PASSWORD },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('account-disabled');
    await f.call('PUT', `/api/users/${id}/status`, { cookie: admin, body: { disabled: false } });
    await f.login(f.emailOf('engineer'));
    const actions = (await auditRecords(f.database.db, { entityId: id })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disabled', 'session.login-failed', 'user.enabled']));
  });

  it('keeps an enabled admin: no disabling oneself, no removing the last admin role', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const self = await f.call('PUT', `/api/users/${f.userIds.admin}/status`, {
      cookie: admin,
      body: { disabled: true },
    });
    expect(self.status).toBe(409);
    const last = await f.call('PATCH', `/api/users/${f.userIds.admin}`, {
      cookie: admin,
      body: { roles: ['engineer'] },
    });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toMatch(/no enabled admin/);
    expect((await f.call('GET', `/api/users/${f.userIds.admin}`, { cookie: admin })).body.user.roles).toEqual([
      'admin',
    ]);
  });
});
