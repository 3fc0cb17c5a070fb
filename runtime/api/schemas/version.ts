/** Versions: an immutable, content-hashed snapshot of a journey and its status. */
import { z } from '@hono/zod-openapi';
import { VERSION_STATUSES } from '../../journeys/lifecycle.js';
import { DISCIPLINES } from '../../journeys/signature-rules.js';
import { JourneyDocument } from './journey-document.js';

export const VersionStatus = z.enum(VERSION_STATUSES).openapi('VersionStatus');
export type VersionStatus = z.infer<typeof VersionStatus>;

const Person = z.object({ id: z.string(), name: z.string() });
const ReviewDiscipline = z.enum(DISCIPLINES);

/** An electronic signature (21 CFR Part 11): printed name, time, meaning and discipline, bound to the content hash. */
export const Signature = z
  .object({
    id: z.string(),
    versionId: z.string(),
    userId: z.string(),
    printedName: z.string(),
    discipline: ReviewDiscipline,
    decision: z.enum(['approve', 'reject']),
    meaning: z.string(),
    reason: z.string().optional(),
    contentHash: z.string(),
    signedAt: z.string(),
  })
  .openapi('Signature');
export type Signature = z.infer<typeof Signature>;

export const Version = z
  .object({
    id: z.string(),
    journeyId: z.string(),
    number: z.number().int().min(1),
    status: VersionStatus,
    contentHash: z.string().openapi({ description: 'The hash an approval is bound to, prefixed with its scheme' }),
    createdAt: z.string(),
    createdBy: z.string(),
    publishedAt: z.string().optional(),
    // The review (MLR): who must sign, who may not, who signed, and why changes were asked for.
    submittedAt: z.string().optional(),
    submittedBy: z.string().optional(),
    approvedAt: z.string().optional(),
    supersededAt: z.string().optional(),
    requiredDisciplines: z.array(ReviewDiscipline).openapi({ description: 'medical, legal, regulatory' }),
    editors: z.array(Person).openapi({ description: 'Everyone who authored or edited it; none may sign it' }),
    signatures: z.array(Signature),
    changesRequested: z
      .object({ reason: z.string(), by: Person, discipline: ReviewDiscipline, at: z.string() })
      .optional(),
  })
  .openapi('Version');
export type Version = z.infer<typeof Version>;

export const VersionAnswer = z.object({ version: Version }).openapi('VersionAnswer');

export const VersionWithDocument = Version.extend({ document: JourneyDocument }).openapi('VersionWithDocument');
export type VersionWithDocument = z.infer<typeof VersionWithDocument>;

export const VersionWithDocumentAnswer = z
  .object({ version: VersionWithDocument })
  .openapi('VersionWithDocumentAnswer');
