/** ISO 8601 durations (`P2D`, `PT30M`, `-P3D`) as the journey language writes them: parsing and arithmetic, no clock. */
import { Duration } from 'luxon';

/** Parses an ISO 8601 duration; returns null when the text is not one. A leading `-` negates it. */
export function parseDuration(text: string): Duration | null {
  if (typeof text !== 'string' || text.length > 64) return null;
  const negative = text.startsWith('-');
  const parsed = Duration.fromISO(negative ? text.slice(1) : text);
  if (!parsed.isValid) return null;
  return negative ? parsed.negate() : parsed;
}

export function isDuration(text: string): boolean {
  return parseDuration(text) !== null;
}

/** A duration that really pauses: waits, timeouts, deadlines and periods must be longer than zero. */
export function isPositiveDuration(text: string): boolean {
  const parsed = parseDuration(text);
  return parsed !== null && parsed.as('milliseconds') > 0;
}

/** A duration in milliseconds (calendar units use their average length; waits that need calendar precision use zoned arithmetic). */
export function durationMillis(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`"${text}" is not an ISO 8601 duration such as P2D or PT30M`);
  return parsed.as('milliseconds');
}

/** A short human reading of a duration, e.g. `2 days`, for canvas labels. */
export function describeDuration(text: string): string {
  const parsed = parseDuration(text);
  if (!parsed) return text;
  const units = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
  const parts = units
    .map((unit) => [unit, parsed.get(unit)] as const)
    .filter(([, value]) => value !== 0)
    .map(([unit, value]) => `${value} ${Math.abs(value) === 1 ? unit.slice(0, -1) : unit}`);
  return parts.length ? parts.join(' ') : '0 seconds';
}
