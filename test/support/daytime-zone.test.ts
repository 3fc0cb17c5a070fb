import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { daytimeZone } from './daytime-zone.js';

describe('daytimeZone', () => {
  it('names a valid zone where local time is between 11:00 and 13:00, at every hour of the day', () => {
    for (let hour = 0; hour < 24; hour++) {
      const now = new Date(Date.UTC(2026, 11, 2, hour, 30));
      const local = DateTime.fromJSDate(now, { zone: daytimeZone(now) });
      expect(local.isValid).toBe(true);
      expect(local.hour).toBeGreaterThanOrEqual(11);
      expect(local.hour).toBeLessThanOrEqual(13);
    }
  });
});
