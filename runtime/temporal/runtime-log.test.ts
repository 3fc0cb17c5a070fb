import { afterEach, describe, expect, it } from 'vitest';
import { redirectLogs } from '../log.js';
import { TemporalPinoLogger } from './runtime-log.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

function capture(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  restore = redirectLogs((line) => lines.push(JSON.parse(line)), 'trace');
  return lines;
}

describe('TemporalPinoLogger', () => {
  it('drops what is below its level and writes the rest as log lines with the metadata as fields', () => {
    const lines = capture();
    const logger = new TemporalPinoLogger('WARN');
    logger.info('Activity completed', { workflowId: 'enrollment-jrn_1-pat_1', activityType: 'sendMessage' });
    logger.warn('Activity failed', { workflowId: 'enrollment-jrn_1-pat_1', attempt: 2 });
    logger.log('ERROR', 'Workflow task failed', { runId: 'run-1' });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'Activity failed',
        component: 'temporal',
        workflowId: 'enrollment-jrn_1-pat_1',
        attempt: 2,
      }),
      expect.objectContaining({ level: 'error', msg: 'Workflow task failed', runId: 'run-1' }),
    ]);
  });

  it('logs a failed activity without the patient data its error or metadata might carry', () => {
    const lines = capture();
    new TemporalPinoLogger('WARN').warn('Activity failed', {
      workflowId: 'enrollment-jrn_1-pat_1',
      error: new Error('SMTP 550: mailbox wilhelmina.qz@example.org unavailable'),
      patient: { name: 'Wilhelmina Quarrington' },
    });
    const line = JSON.stringify(lines[0]);
    expect(line).not.toMatch(/wilhelmina|Quarrington/i);
    expect(lines[0]).toMatchObject({ error: { type: 'Error', message: 'SMTP 550: mailbox [email] unavailable' } });
  });
});
