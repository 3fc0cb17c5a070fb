import { describe, expect, it } from 'vitest';
import { timeLeft } from './time-left.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

describe('timeLeft', () => {
  it('reads minutes, hours and days before the deadline', () => {
    expect(timeLeft(at(30), now)).toBe('1 min left');
    expect(timeLeft(at(45 * 60), now)).toBe('45 min left');
    expect(timeLeft(at(3 * 3600), now)).toBe('3 h left');
    expect(timeLeft(at(2 * 3600 + 5 * 60), now)).toBe('2 h 5 min left');
    expect(timeLeft(at(3 * 86400 + 4 * 3600), now)).toBe('3 d 4 h left');
  });

  it('says how long a task is overdue once the deadline has passed', () => {
    expect(timeLeft(at(0), now)).toBe('overdue by 1 min');
    expect(timeLeft(at(-90 * 60), now)).toBe('overdue by 1 h 30 min');
  });
});
