/** Logins as an attacker meets them: throttled per account and per address, failures audited, sessions that end, no cross-site changes. */
import { describe, expect, it } from 'vitest';
import { useApiFixture, PASSWORD } from '../../people/api-fixture.test-support.js';
import { auditRecords } from '../../db/audit-export.js';
import { userForToken, IDLE_MINUTES } from '../../people/sessions.js';

const f = useApiFixture();

const attempt = (email: string, password: string, address = '198.51.100.7') =>
  f.call('POST', '/api/sessions', { body: { email, password }, address });

describe('login throttling', () => {
  it('slows a burst of wrong passwords on one account, then refuses even the right one for a while', async () => {
    const email = f.emailOf('engineer');
    for (let i = 0; i < 3; i++) expect((await attempt(email, `wrong ${i}`)).status).toBe(401);
    const slowed = await attempt(email, 'wrong again');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(slowed.body.error.message).toMatch(/wait \d+ second/);
    const right = await attempt(email, PASSWORD);
    expect(right.status).toBe(429);
    // Another account from another address is untouched.
    expect((await attempt(f.emailOf('care-team'), PASSWORD, '192.0.2.1')).status).toBe(200);
  });

  it('audits every failed login with its reason and address, never the password', async () => {
    const records = await auditRecords(f.database.db, { entityId: f.userIds.engineer });
    const failed = records.filter((r) => r.action === 'session.login-failed');
    expect(failed.map((r) => (r.data as { reason: string }).reason)).toEqual([
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'wrong-password',
      'throttled',
    ]);
    expect(failed[0].data).toMatchObject({ email: f.emailOf('engineer'), address: '198.51.100.7' });
    expect(JSON.stringify(records)).not.toMatch(/wrong 0|wrong again|a long enough password/);
    const unknown = await attempt('nobody@example.org', 'guess', '192.0.2.50');
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe('The email or password is not right.');
    const [record] = await auditRecords(f.database.db, { entityId: 'nobody@example.org' });
    expect(record).toMatchObject({
      action: 'session.login-failed',
      actor: 'anonymous',
      data: { reason: 'unknown-email' },
    });
  });

  it('slows down an address that tries many accounts, whichever account it tries next', async () => {
    const address = '203.0.113.9';
    const answers: number[] = [];
    for (let i = 0; i < 13; i++) answers.push((await attempt(`guess-${i}@example.org`, 'x', address)).status);
    expect(answers.slice(0, 12)).toEqual(Array(12).fill(401));
    expect(answers[12]).toBe(429);
    // The right password of a real account from that address waits too.
    expect((await attempt(f.emailOf('program-manager'), PASSWORD, address)).status).toBe(429);
    expect((await attempt(f.emailOf('program-manager'), PASSWORD, '192.0.2.2')).status).toBe(200);
  });
});

describe('sessions', () => {
  it('set a Strict, HttpOnly cookie and end after a logout', async () => {
    const answer = await f.call('POST', '/api/sessions', { body: { email: f.emailOf('admin'), password: PASSWORD } });
    const cookie = answer.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=43200/);
    const session = cookie.split(';')[0];
    expect((await f.call('DELETE', '/api/sessions', { cookie: session })).status).toBe(204);
    const after = await f.call('GET', '/api/sessions/current', { cookie: session });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('session-ended');
  });

  it('end when idle too long, and at their absolute limit', async () => {
    const cookie = await f.login(f.emailOf('compliance-reviewer'));
    const token = decodeURIComponent(cookie.split('=')[1]);
    const later = new Date(Date.now() + (IDLE_MINUTES + 1) * 60_000);
    expect(await userForToken(f.database.db, token, later)).toBeNull();
    expect((await f.call('GET', '/api/sessions/current', { cookie })).status).toBe(401);

    const second = await f.login(f.emailOf('compliance-reviewer'));
    await f.database.client.execute(`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'`);
    expect((await f.call('GET', '/api/sessions/current', { cookie: second })).status).toBe(401);
  });
});

describe('cross-site requests', () => {
  it('are refused for changes, whatever the session; same-origin and non-browser clients pass', async () => {
    const cookie = await f.login(f.emailOf('admin'));
    const body = { email: 'x-site@example.org', name: 'X', password: 'long enough pw', roles: ['engineer'] };
    const crossSite = await f.call('POST', '/api/users', { cookie, body, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('cross-site-request');
    const foreignOrigin = await f.call('POST', '/api/users', {
      cookie,
      body,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    const users = (await f.call('GET', '/api/users', { cookie, headers: { 'sec-fetch-site': 'cross-site' } })).body
      .users;
    expect(users.some((u: { email: string }) => u.email === 'x-site@example.org')).toBe(false);
    const sameOrigin = await f.call('POST', '/api/users', {
      cookie,
      body,
      headers: { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    });
    expect(sameOrigin.status).toBe(201);
  });
});
