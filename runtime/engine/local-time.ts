/** Patient-local time arithmetic for the engine: next time of day, dates from attributes, quiet hours. Pure: `now` is always passed in. */
import { DateTime } from 'luxon';
import { parseDuration } from '../../schema/duration.js';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof DAY_NAMES)[number];

function hoursMinutes(time: string): { hour: number; minute: number } {
  const [hour, minute] = time.split(':').map(Number);
  return { hour, minute };
}

/** Falls back to UTC when a zone is unknown, so a bad zone on a patient record never stops a journey. */
function zoned(at: number, zone: string): DateTime {
  const local = DateTime.fromMillis(at, { zone });
  return local.isValid ? local : DateTime.fromMillis(at, { zone: 'utc' });
}

/** The next moment strictly after `now` when the patient's clock shows `time` (HH:MM), optionally only on some weekdays. */
export function nextLocalTime(now: number, zone: string, time: string, weekdays?: readonly Weekday[]): number {
  const { hour, minute } = hoursMinutes(time);
  const allowed = weekdays && weekdays.length > 0 ? new Set(weekdays) : undefined;
  let candidate = zoned(now, zone).set({ hour, minute, second: 0, millisecond: 0 });
  for (let i = 0; i < 15; i++) {
    const day = DAY_NAMES[candidate.weekday - 1];
    if (candidate.toMillis() > now && (!allowed || allowed.has(day))) return candidate.toMillis();
    candidate = candidate.plus({ days: 1 }).set({ hour, minute });
  }
  return candidate.toMillis();
}

/** `date` (YYYY-MM-DD or ISO timestamp from a patient attribute) shifted by an ISO offset, at a local time of day; null when the date is unusable. */
export function attributeDateTime(
  date: unknown,
  zone: string,
  offset: string | undefined,
  time: string,
): number | null {
  if (typeof date !== 'string' || date.length > 40) return null;
  const base = DateTime.fromISO(date, { zone });
  if (!base.isValid) return null;
  const shift = offset ? parseDuration(offset) : null;
  if (offset && !shift) return null;
  const { hour, minute } = hoursMinutes(time);
  const shifted = shift ? base.plus(shift) : base;
  return shifted.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

export interface QuietWindow {
  start: string;
  end: string;
}

/** If `at` falls inside the patient's quiet window, the moment the window ends; otherwise `at` unchanged. */
export function outsideQuietHours(at: number, zone: string, quiet: QuietWindow): number {
  const local = zoned(at, zone);
  const start = hoursMinutes(quiet.start);
  const end = hoursMinutes(quiet.end);
  const startMin = start.hour * 60 + start.minute;
  const endMin = end.hour * 60 + end.minute;
  if (startMin === endMin) return at;
  const wraps = startMin > endMin; // e.g. 21:00–08:00 spans midnight
  const isInside = (t: DateTime) => {
    const m = t.hour * 60 + t.minute;
    return wraps ? m >= startMin || m < endMin : m >= startMin && m < endMin;
  };
  if (!isInside(local)) return at;
  let endOfWindow = local.set({ hour: end.hour, minute: end.minute, second: 0, millisecond: 0 });
  if (endOfWindow.toMillis() <= at)
    endOfWindow = endOfWindow.plus({ days: 1 }).set({ hour: end.hour, minute: end.minute });
  // An end inside a DST gap (01:30 on a spring-forward night) moves an hour on and may land back in the window: take the next day's end.
  for (let i = 0; i < 3 && isInside(endOfWindow); i++)
    endOfWindow = endOfWindow.plus({ days: 1 }).set({ hour: end.hour, minute: end.minute });
  return endOfWindow.toMillis();
}

/** The earliest moment at or after `now` when one more message keeps the patient within `max` per rolling `periodMs`. */
export function frequencyCapAllows(sentAt: readonly number[], now: number, max: number, periodMs: number): number {
  const recent = sentAt.filter((t) => t > now - periodMs).sort((a, b) => a - b);
  if (recent.length < max) return now;
  // The oldest message that must fall out of the window before another may go.
  return recent[recent.length - max] + periodMs;
}

/** The patient's local time, as shown in simulation paths and the designer. */
export function formatLocal(at: number, zone: string): string {
  return zoned(at, zone).toFormat('yyyy-MM-dd HH:mm ZZZZ');
}
