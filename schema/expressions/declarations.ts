/** What an expression in a journey may name, read from the journey document; no zod, so the workflow bundle can carry it. */
import type { JourneyDocument } from '../document.js';
import type { ExpressionDeclarations } from './environment.js';

/** What an expression in this journey may name: declared patient attributes, and the payload of `event` where one is known. */
export function declarationsFor(document: JourneyDocument, eventName?: string): ExpressionDeclarations {
  const event =
    eventName && Object.hasOwn(document.events ?? {}, eventName) ? document.events[eventName].fields : undefined;
  return { attributes: document.attributes ?? {}, ...(event ? { event } : {}) };
}
