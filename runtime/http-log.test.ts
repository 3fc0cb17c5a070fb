import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { requestLog, requestLogging } from './http-log.js';
import { redirectLogs } from './log.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  restore = redirectLogs((line) => lines.push(JSON.parse(line)), 'info');
  return lines;
}

function app() {
  const app = new Hono<{ Variables: { user: { id: string } } }>();
  app.use('*', ...requestLogging);
  app.use('*', async (c, next) => {
    if (c.req.header('cookie')) c.set('user', { id: 'usr_7' });
    await next();
  });
  app.get('/api/patients/:id', (c) => {
    requestLog(c).info({ patientId: c.req.param('id') }, 'looked up');
    return c.json({ ok: true });
  });
  app.get('/forms/:token', (c) => c.text('form'));
  app.get('/boom', () => {
    throw new Error('kaput');
  });
  app.onError((_error, c) => c.json({ error: 'internal' }, 500));
  return app;
}

describe('request logging', () => {
  it('gives each request an id, echoes it in x-request-id and puts it on every line of the request', async () => {
    const lines = capture();
    const res = await app().request('/api/patients/pat_1?search=Quarrington', { headers: { cookie: 's=1' } });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'looked up', reqId: id, patientId: 'pat_1' }),
      expect.objectContaining({
        msg: 'request',
        reqId: id,
        method: 'GET',
        path: '/api/patients/pat_1',
        status: 200,
        userId: 'usr_7',
        ms: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toContain('Quarrington');
  });

  it("keeps a caller's well-formed request id and replaces one that is not", async () => {
    const lines = capture();
    const kept = await app().request('/api/patients/p', { headers: { 'x-request-id': 'trace-42' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-42');
    const replaced = await app().request('/api/patients/p', {
      headers: { 'x-request-id': 'bad id {"level":"fatal"}' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((l) => l.msg === 'request').map((l) => l.reqId)).toEqual([
      'trace-42',
      replaced.headers.get('x-request-id'),
    ]);
  });

  it('logs the form route without the personal token, and a failed request at error level', async () => {
    const lines = capture();
    await app().request('/forms/tok_secret123');
    const failed = await app().request('/boom');
    expect(failed.status).toBe(500);
    expect(JSON.stringify(lines)).not.toContain('tok_secret123');
    expect(lines).toEqual([
      expect.objectContaining({ path: '/forms/[token]', status: 200, level: 'info' }),
      expect.objectContaining({ path: '/boom', status: 500, level: 'error' }),
    ]);
  });
});
