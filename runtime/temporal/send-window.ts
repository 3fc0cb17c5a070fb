/** Quiet hours as the send activity checks them: a send whose retry falls into the patient's quiet window waits for it to open. */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { DEFAULT_QUIET_HOURS, type JourneyDocument } from '../../schema/document.js';
import { outsideQuietHours } from '../engine/local-time.js';

export const QUIET_HOURS_RETRY = 'QuietHours';

/**
 * When the quiet window ends, if `now` falls inside it for this channel; undefined when the send may go now.
 * `settings` comes from the stored version, which may predate a setting: the schema's defaults fill it in.
 */
export function quietUntil(
  settings: Partial<JourneyDocument['settings']> | undefined,
  channel: string,
  patientZone: string | null | undefined,
  now: number,
): number | undefined {
  const quietHours = settings?.quietHours ?? DEFAULT_QUIET_HOURS;
  const timeZone = settings?.timeZone ?? { source: 'patient', fallback: 'America/New_York' };
  if (!quietHours.channels.includes(channel as never)) return undefined;
  const zone = timeZone.source === 'fixed' ? timeZone.zone : (patientZone ?? timeZone.fallback);
  const opens = outsideQuietHours(now, zone, quietHours);
  return opens > now ? opens : undefined;
}

/**
 * The moment this attempt runs, by the later of the worker's clock and the time Temporal scheduled the attempt:
 * a send must not go out in quiet hours by either clock (and under a time-skipping test server only the second moves).
 */
export function attemptTime(): number {
  return Math.max(Date.now(), Context.current().info.currentAttemptScheduledTimestampMs);
}

/**
 * Ends this attempt and asks Temporal for the next one when the window opens, instead of the next backoff step.
 * The engine already defers the first attempt; only retries (a provider outage at 20:58) can land in the window.
 */
export function retryWhenQuietHoursEnd(opens: number, now: number): never {
  throw ApplicationFailure.create({
    type: QUIET_HOURS_RETRY,
    message: `the patient's quiet hours last until ${new Date(opens).toISOString()}; the send waits for them to end`,
    nextRetryDelay: opens - now,
  });
}
