/** Journeys: the list, one journey with its draft, problems and versions, and the answer of a validation. */
import { z } from '@hono/zod-openapi';
import { Problem } from './error.js';
import { Version, VersionStatus } from './version.js';
import { JourneyDocument } from './journey-document.js';

export const NewJourney = z
  .object({ name: z.string().trim().min(1).max(200), document: JourneyDocument.optional() })
  .openapi('NewJourney');

export const DraftInput = z
  .object({
    document: JourneyDocument,
    /** The draft revision the author started from; a save based on an older one is refused with 409. */
    baseRevision: z.number().int().min(0).optional().openapi({
      description: 'The draft revision this edit started from; omitted, the save overwrites whatever is there',
    }),
  })
  .openapi('DraftInput');

export const JourneySummary = z
  .object({
    id: z.string(),
    name: z.string(),
    updatedAt: z.string(),
    latestVersion: z.object({ id: z.string(), number: z.number().int(), status: VersionStatus }).nullable(),
  })
  .openapi('JourneySummary');
export type JourneySummary = z.infer<typeof JourneySummary>;

export const JourneyList = z.object({ journeys: z.array(JourneySummary) }).openapi('JourneyList');

export const Journey = z
  .object({
    id: z.string(),
    name: z.string(),
    draft: JourneyDocument,
    draftUpdatedAt: z.string(),
    /** Bumped by every save of the draft; send it back as `baseRevision`. */
    draftRevision: z.number().int(),
    problems: z.array(Problem),
    versions: z.array(Version),
  })
  .openapi('Journey');
export type Journey = z.infer<typeof Journey>;

export const JourneyAnswer = z.object({ journey: Journey }).openapi('JourneyAnswer');

export const ValidationInput = z.object({ document: z.unknown() }).openapi('ValidationInput');

export const ValidationResult = z.object({ ok: z.boolean(), problems: z.array(Problem) }).openapi('ValidationResult');
