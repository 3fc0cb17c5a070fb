import { describe, expect, it } from 'vitest';
import { acceptsEnrollments, nextStatus, VERSION_STATUSES, type VersionAction } from './lifecycle.js';

const happyPath: Array<[VersionAction, string]> = [
  ['submit', 'submitted'],
  ['approve', 'approved'],
  ['publish', 'published'],
  ['pause', 'paused'],
  ['resume', 'published'],
  ['supersede', 'superseded'],
  ['retire', 'retired'],
];

describe('version lifecycle', () => {
  it('walks snapshot → submitted → approved → published ⇄ paused → superseded → retired', () => {
    let status = 'snapshot' as (typeof VERSION_STATUSES)[number];
    for (const [action, expected] of happyPath) {
      const next = nextStatus(status, action);
      expect(next, `${action} from ${status}`).toEqual({ ok: true, status: expected });
      if (next.ok) status = next.status;
    }
  });

  it('publishes only an approved version, naming the rule', () => {
    for (const status of ['snapshot', 'submitted', 'changes-requested'] as const)
      expect(nextStatus(status, 'publish')).toMatchObject({ ok: false, code: 'version-not-approved' });
  });

  it('sends a rejected version back for good: a new version answers a rejection', () => {
    expect(nextStatus('submitted', 'request-changes')).toEqual({ ok: true, status: 'changes-requested' });
    const again = nextStatus('changes-requested', 'submit');
    expect(again).toMatchObject({ ok: false, code: 'invalid-transition' });
    expect(!again.ok && again.message).toMatch(/submit the new version/);
    expect(nextStatus('changes-requested', 'approve').ok).toBe(false);
  });

  it('approves or rejects only a version in review, and never retires twice', () => {
    for (const status of VERSION_STATUSES.filter((s) => s !== 'submitted')) {
      expect(nextStatus(status, 'approve').ok).toBe(false);
      expect(nextStatus(status, 'request-changes').ok).toBe(false);
    }
    expect(nextStatus('retired', 'retire').ok).toBe(false);
  });

  it('takes new enrollments only while published', () => {
    expect(VERSION_STATUSES.filter(acceptsEnrollments)).toEqual(['published']);
  });
});
