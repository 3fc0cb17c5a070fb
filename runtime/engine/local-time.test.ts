import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { attributeDateTime, frequencyCapAllows, nextLocalTime, outsideQuietHours } from './local-time.js';

const ny = 'America/New_York';
const at = (iso: string, zone = ny) => DateTime.fromISO(iso, { zone }).toMillis();
const local = (ms: number, zone = ny) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm ccc");

describe('nextLocalTime', () => {
  it('finds the next 09:00 in the patient zone, today or tomorrow', () => {
    expect(local(nextLocalTime(at('2026-03-02T07:30'), ny, '09:00'))).toBe('2026-03-02T09:00 Mon');
    expect(local(nextLocalTime(at('2026-03-02T09:00'), ny, '09:00'))).toBe('2026-03-03T09:00 Tue');
  });

  it('keeps local 09:00 across a daylight-saving change', () => {
    // US clocks spring forward on 2026-03-08.
    expect(local(nextLocalTime(at('2026-03-07T20:00'), ny, '09:00'))).toBe('2026-03-08T09:00 Sun');
    expect(local(nextLocalTime(at('2026-03-08T20:00'), ny, '09:00'))).toBe('2026-03-09T09:00 Mon');
  });

  it('honours weekdays', () => {
    expect(local(nextLocalTime(at('2026-03-06T10:00'), ny, '09:00', ['mon', 'wed']))).toBe('2026-03-09T09:00 Mon');
  });
});

describe('attributeDateTime', () => {
  it('computes three days before a refill date at 10:00 local', () => {
    expect(local(attributeDateTime('2026-04-10', ny, '-P3D', '10:00')!)).toBe('2026-04-07T10:00 Tue');
  });
  it('returns null for a missing or malformed date', () => {
    expect(attributeDateTime(undefined, ny, '-P3D', '10:00')).toBeNull();
    expect(attributeDateTime('soon', ny, undefined, '10:00')).toBeNull();
  });
});

describe('outsideQuietHours', () => {
  const quiet = { start: '21:00', end: '08:00' };
  it('defers a 22:30 send to 08:00 the next morning and a 06:00 send to 08:00 the same day', () => {
    expect(local(outsideQuietHours(at('2026-05-01T22:30'), ny, quiet))).toBe('2026-05-02T08:00 Sat');
    expect(local(outsideQuietHours(at('2026-05-01T06:00'), ny, quiet))).toBe('2026-05-01T08:00 Fri');
  });
  it('leaves a daytime send alone', () => {
    expect(outsideQuietHours(at('2026-05-01T12:00'), ny, quiet)).toBe(at('2026-05-01T12:00'));
  });
});

describe('frequencyCapAllows', () => {
  it('lets a message through under the cap and defers it once the cap is reached', () => {
    const day = 86_400_000;
    expect(frequencyCapAllows([0, 1000], 2000, 3, day)).toBe(2000);
    expect(frequencyCapAllows([0, 1000, 1500], 2000, 3, day)).toBe(day);
  });
});
