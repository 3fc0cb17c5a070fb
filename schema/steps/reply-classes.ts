/** Reading a patient's reply against a message step's reply classes; no zod, so the workflow bundle can carry it. */
import type { MessageStep, ReplyClass } from './message.js';

/** Reply text as classes compare it: case and spacing ignored, trailing full stops and exclamation marks dropped. */
export function normalizeReply(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
}

/** The reply class a reply falls into, if any. */
export function classifyReply(step: MessageStep, text: string): ReplyClass | undefined {
  const reply = normalizeReply(text);
  return step.await?.classes.find((cls) => cls.match.some((word) => normalizeReply(word) === reply));
}
