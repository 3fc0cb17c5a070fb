/** The audit trail through the API: reviewers verify it and export it (JSON, CSV) for one entity or a time range; exports are audited. */
import { describe, expect, it } from 'vitest';
import { useApiFixture } from '../../people/api-fixture.test-support.js';

const f = useApiFixture();

describe('audit API', () => {
  it('verifies the trail for a reviewer, and names the first bad row once a row is edited', async () => {
    const reviewer = await f.login(f.emailOf('compliance-reviewer'));
    const ok = await f.call('GET', '/api/audit/verify', { cookie: reviewer });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ ok: true, rows: expect.any(Number) });
    expect(
      (await f.call('GET', '/api/audit/verify', { cookie: await f.login(f.emailOf('program-manager')) })).status,
    ).toBe(403);

    const admin = await f.login(f.emailOf('admin'));
    const body = {
      email: 'cmd@example.org',
      name: '=HYPERLINK("http://x")',
      password: 'long enough pw',
      roles: ['engineer'],
    };
    expect((await f.call('POST', '/api/users', { cookie: admin, body })).status).toBe(201);
    await f.login('cmd@example.org', 'long enough pw');
    const { rows } = (await f.call('GET', '/api/audit/verify', { cookie: reviewer })).body;
    const select = { sql: 'SELECT actor FROM audit_trail WHERE seq = ?', args: [rows - 1] };
    const [{ actor }] = (await f.database.client.execute(select)).rows;
    await f.database.client.execute({
      sql: `UPDATE audit_trail SET actor = 'someone' WHERE seq = ?`,
      args: [rows - 1],
    });
    const broken = await f.call('GET', '/api/audit/verify', { cookie: reviewer });
    expect(broken.body).toMatchObject({ ok: false, brokenAt: rows - 1, reason: expect.stringMatching(/changed/) });
    await f.database.client.execute({ sql: `UPDATE audit_trail SET actor = ? WHERE seq = ?`, args: [actor, rows - 1] });
    expect((await f.call('GET', '/api/audit/verify', { cookie: reviewer })).body.ok).toBe(true);
  });

  it('exports one entity as JSON with printed names, and records the export', async () => {
    const reviewer = await f.login(f.emailOf('compliance-reviewer'));
    const entityId = f.userIds.engineer;
    const exported = await f.call('GET', `/api/audit/export?format=json&entityId=${entityId}`, { cookie: reviewer });
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      exportedBy: 'compliance-reviewer user',
      verification: { ok: true },
      filter: { entityId },
    });
    expect(exported.body.records.every((r: { entityId: string }) => r.entityId === entityId)).toBe(true);
    const again = await f.call('GET', `/api/audit/export?entityId=trail`, { cookie: reviewer });
    const noted = (
      await f.call('GET', `/api/audit/export?from=${new Date(Date.now() - 60_000).toISOString()}`, { cookie: reviewer })
    ).body.records;
    expect(again.status).toBe(200);
    expect(noted.filter((r: { action: string }) => r.action === 'audit.exported').length).toBeGreaterThanOrEqual(2);
    expect(noted.find((r: { action: string }) => r.action === 'audit.exported')).toMatchObject({
      actor: f.userIds['compliance-reviewer'],
      data: { format: 'json', filter: { entityId }, rows: exported.body.records.length },
    });
  });

  it('exports a time range as CSV a spreadsheet opens safely', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const csv = await f.call('GET', `/api/audit/export?format=csv&from=${from}&to=${to}`, { cookie: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="carepath-audit-.*\.csv"/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actor,actorName,action,entityType,entityId,data,hash');
    const login = lines.find((line) => line.includes('session.login') && line.includes('HYPERLINK'))!;
    // The printed name of that user would be a formula in a spreadsheet; it is kept as text.
    expect(login).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv.text).not.toMatch(/,=HYPERLINK/);
  });

  it('refuses a range that ends before it starts, or a format it does not know, naming the parameter', async () => {
    const admin = await f.login(f.emailOf('admin'));
    const backwards = await f.call('GET', '/api/audit/export?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z', {
      cookie: admin,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toMatch(/from.*later than "to"/);
    const format = await f.call('GET', '/api/audit/export?format=xml', { cookie: admin });
    expect(format.status).toBe(400);
    expect(format.body.error.message).toMatch(/format/);
    const badDate = await f.call('GET', '/api/audit/export?from=yesterday', { cookie: admin });
    expect(badDate.status).toBe(400);
  });
});
