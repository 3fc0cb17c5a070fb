/** Edits to a message step's reply classes that keep its connections: renaming a class moves its output with it. */
import type { MessageStep, ReplyClass } from '../../schema/index.js';

/** The default reply timeout when a program manager switches "Await reply" on. */
export const defaultReplyTimeout = 'P1D';

export function setAwaitReply(step: MessageStep, on: boolean): MessageStep {
  if (on === (step.await !== undefined)) return step;
  if (!on) {
    const { await: _await, ...rest } = step;
    return rest;
  }
  return { ...step, await: { classes: [], timeout: defaultReplyTimeout } };
}

export function addReplyClass(step: MessageStep): MessageStep {
  const classes = step.await?.classes ?? [];
  const used = new Set(classes.map((c) => c.id));
  let n = classes.length + 1;
  while (used.has(`reply-${n}`)) n++;
  return {
    ...step,
    await: {
      timeout: step.await?.timeout ?? defaultReplyTimeout,
      classes: [...classes, { id: `reply-${n}`, match: [] }],
    },
  };
}

export function removeReplyClass(step: MessageStep, index: number): MessageStep {
  if (!step.await) return step;
  const removed = step.await.classes[index];
  if (!removed) return step;
  const { [removed.id]: _gone, ...outputs } = step.outputs;
  return { ...step, outputs, await: { ...step.await, classes: step.await.classes.filter((_, i) => i !== index) } };
}

/** Updates one class; when its id changes, the output it had keeps its target under the new name. */
export function updateReplyClass(step: MessageStep, index: number, patch: Partial<ReplyClass>): MessageStep {
  if (!step.await?.classes[index]) return step;
  const before = step.await.classes[index];
  const after = { ...before, ...patch };
  let outputs = step.outputs;
  if (
    after.id !== before.id &&
    Object.prototype.hasOwnProperty.call(outputs, before.id) &&
    !Object.prototype.hasOwnProperty.call(outputs, after.id)
  ) {
    outputs = Object.fromEntries(
      Object.entries(outputs).map(([output, target]) => [output === before.id ? after.id : output, target]),
    );
  }
  const classes = step.await.classes.map((c, i) => (i === index ? after : c));
  return { ...step, outputs, await: { ...step.await, classes } };
}

/** "1, yes ,y" → ["1", "yes", "y"]: the match words as a person types them, comma-separated. */
export function parseMatchList(text: string): string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');
}

export function formatMatchList(words: readonly string[]): string {
  return words.join(', ');
}
