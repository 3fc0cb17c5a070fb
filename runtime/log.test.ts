import { afterEach, describe, expect, it } from 'vitest';
import { log, maskContactDetails, redirectLogs } from './log.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  restore = redirectLogs((line) => lines.push(JSON.parse(line)), 'trace');
  return lines;
}

describe('log', () => {
  it('writes one JSON line per call with an ISO time and a named level', () => {
    const lines = capture();
    log.info({ enrollmentId: 'enr_1' }, 'message sent');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', msg: 'message sent', enrollmentId: 'enr_1', time: expect.any(String) }),
    ]);
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it('redacts patient data under its usual keys, up to four levels deep, and keeps the ids', () => {
    const lines = capture();
    log.info(
      {
        patientId: 'pat_1',
        name: 'Wilhelmina Quarrington',
        patient: { phone: '+15550001234' },
        message: { body: 'my knee hurts', to: 'wq@example.org' },
        deep: { a: { b: { text: 'I feel low' } } },
        request: { answers: { q1: 'yes' }, attributes: { dob: '1950-01-01' } },
      },
      'inbound',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['Wilhelmina', 'Quarrington', '5550001234', 'knee', 'wq@example', 'feel low', '1950'])
      expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ patientId: 'pat_1', name: '[redacted]', message: { body: '[redacted]' } });
  });

  it('masks phone numbers and email addresses that reach free text, such as a provider error', () => {
    const lines = capture();
    log.warn(
      { err: new Error('550 mailbox <jo.doe+x@mail.example.com> full; SMS to +1 (555) 000-1234 failed') },
      'send failed for +4917612345678',
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/jo\.doe|555\) 000|4917612345678/);
    expect(line).toContain('[email]');
    expect(line).toContain('[phone]');
    expect(maskContactDetails('"time":"2026-01-02T03:04:05.000Z","zone":"+01:00","id":"enr_12345678"')).toBe(
      '"time":"2026-01-02T03:04:05.000Z","zone":"+01:00","id":"enr_12345678"',
    );
  });

  it('logs an error by type, code, message and stack, without the values of a failed query or other properties', () => {
    const lines = capture();
    const cause = Object.assign(new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed: patients.external_id'), {
      code: 'SQLITE_CONSTRAINT',
    });
    const error = Object.assign(
      new Error(
        'Failed query: insert into "patients" ("id", "name") values (?, ?)\nparams: pat_9,Wilhelmina Quarrington',
        {
          cause,
        },
      ),
      { params: ['pat_9', 'Wilhelmina Quarrington'] },
    );
    log.error({ err: error }, 'unexpected error');
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain('Wilhelmina');
    expect(lines[0].err).toMatchObject({
      type: 'Error',
      message: 'Failed query: insert into "patients" ("id", "name") values (?, ?)\nparams: [redacted]',
      cause: { code: 'SQLITE_CONSTRAINT', message: expect.stringContaining('UNIQUE constraint failed') },
    });
  });

  it('honours the level, and redirectLogs restores the previous sink and level', () => {
    const before = log.level;
    const lines: string[] = [];
    const undo = redirectLogs((line) => lines.push(line), 'warn');
    log.info('not shown');
    log.warn('shown');
    undo();
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
    expect(log.level).toBe(before);
  });
});
