/** The outcome of entering (or resuming) a step: the journey pauses there, leaves by an output at once, completes, or exits. */
export type Entry =
  | { kind: 'pause' }
  | { kind: 'leave'; output: string; detail?: string }
  | { kind: 'complete' }
  | { kind: 'exit'; reason: string }
  | { kind: 'fail'; reason: string };

export const pause: Entry = { kind: 'pause' };
export const leave = (output: string, detail?: string): Entry =>
  detail === undefined ? { kind: 'leave', output } : { kind: 'leave', output, detail };
