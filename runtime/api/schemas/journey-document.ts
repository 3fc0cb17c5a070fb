/** The journey document as the API carries it: any JSON object on the wire, checked by the journey validator, typed for clients. */
import { z } from '@hono/zod-openapi';
import type { JourneyDocument as Document } from '../../../schema/document.js';

/**
 * Declared as an open object, not the full journey schema: a draft may hold documents the validator still
 * has problems with (and answers them as `problems`), and older schema versions are migrated, not refused.
 * The type is the journey document, so clients of the API read drafts and versions with the real type.
 */
export const JourneyDocument = z.record(z.string(), z.unknown()).openapi('JourneyDocument', {
  description: 'A journey document; its JSON Schema is printed by `carepath schema`',
}) as unknown as z.ZodType<Document>;
export type JourneyDocument = Document;
