/** When the patient may be contacted: quiet hours in their local time and the journey's frequency cap, applied before every outreach. */
import { durationMillis } from '../../schema/duration.js';
import { frequencyCapAllows, outsideQuietHours } from './local-time.js';
import { armTimer, zoneOf, type StepContext } from './context.js';

/** The earliest moment at or after now that a contact on `channel` may happen, and why it must wait if it must. */
export function contactWindow(
  ctx: StepContext,
  channel: string,
): { at: number; why?: 'quiet-hours' | 'frequency-cap' } {
  const { quietHours, frequencyCap } = ctx.definition.settings;
  let at = ctx.now;
  let why: 'quiet-hours' | 'frequency-cap' | undefined;
  // Alternate until both rules agree: a cap deferral can land inside quiet hours and vice versa.
  for (let i = 0; i < 4; i++) {
    const quiet = quietHours.channels.includes(channel as never) ? outsideQuietHours(at, zoneOf(ctx), quietHours) : at;
    if (quiet > at) {
      at = quiet;
      why ??= 'quiet-hours';
    }
    const capped =
      frequencyCap && channel !== 'webhook'
        ? frequencyCapAllows(ctx.state.sentAt ?? [], at, frequencyCap.max, durationMillis(frequencyCap.period))
        : at;
    if (capped > at) {
      at = capped;
      why ??= 'frequency-cap';
      continue;
    }
    break;
  }
  return why ? { at, why } : { at };
}

/** Defers the step's outreach when it may not happen now; returns true when it did (the phase is then `deferred`). */
export function deferIfNeeded(ctx: StepContext, stepId: string, visit: number, channel: string): boolean {
  const window = contactWindow(ctx, channel);
  if (!window.why) return false;
  const timerId = armTimer(ctx, window.at);
  ctx.state.phase = { kind: 'deferred', step: stepId, visit, timerId, until: window.at, why: window.why };
  return true;
}

/** Notes a message going out, for the frequency cap; keeps only what the cap's window needs. */
export function noteSent(ctx: StepContext, channel: string): void {
  if (channel === 'webhook') return;
  const cap = ctx.definition.settings.frequencyCap;
  const keepFrom = cap ? ctx.now - durationMillis(cap.period) : ctx.now;
  ctx.state.sentAt = [...(ctx.state.sentAt ?? []).filter((t) => t > keepFrom), ctx.now];
}
