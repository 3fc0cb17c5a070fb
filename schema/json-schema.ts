/** The journey document's JSON Schema, exported for editors (Monaco) and other tools. */
import { z } from 'zod';
import { JourneyDocument } from './document.js';

export function journeyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JourneyDocument, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
