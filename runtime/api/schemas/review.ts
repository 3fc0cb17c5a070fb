/** The review API's bodies: signature requests, comments, the diff, the reviewer's queue, review settings, the export. */
import { z } from '@hono/zod-openapi';
import { DISCIPLINES } from '../../journeys/signature-rules.js';
import { Signature, Version, VersionWithDocument } from './version.js';

export const Discipline = z.enum(DISCIPLINES).openapi('Discipline');

export const SignatureRequest = z
  .object({
    password: z.string().min(1).max(1000).openapi({ description: 'The signer re-enters their password' }),
    discipline: Discipline,
    decision: z.enum(['approve', 'reject']),
    meaning: z.string().trim().min(1).max(500).openapi({ example: 'I approve this content as medically accurate' }),
    reason: z
      .string()
      .trim()
      .min(1)
      .max(5000)
      .optional()
      .openapi({ description: 'Required to reject: what must change' }),
  })
  .openapi('SignatureRequest');

export const SignatureAnswer = z.object({ signature: Signature, version: Version }).openapi('SignatureAnswer');
export const SignatureList = z.object({ signatures: z.array(Signature) }).openapi('SignatureList');

const Person = z.object({ id: z.string(), name: z.string() });

export const Comment = z
  .object({
    id: z.string(),
    versionId: z.string(),
    stepId: z
      .string()
      .nullable()
      .openapi({ description: 'The step the thread is anchored to; null for the whole version' }),
    parentId: z.string().nullable().openapi({ description: "The thread's first comment; null when this one opens it" }),
    body: z.string(),
    author: Person,
    createdAt: z.string(),
    resolvedAt: z.string().optional(),
    resolvedBy: Person.optional(),
  })
  .openapi('Comment');

export const CommentInput = z
  .object({
    body: z.string().trim().min(1).max(5000),
    stepId: z.string().min(1).max(100).nullable().optional(),
  })
  .openapi('CommentInput');
export const ReplyInput = z.object({ body: z.string().trim().min(1).max(5000) }).openapi('ReplyInput');
export const CommentAnswer = z.object({ comment: Comment }).openapi('CommentAnswer');
export const CommentList = z.object({ comments: z.array(Comment) }).openapi('CommentList');

const FieldChange = z
  .object({ pointer: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })
  .openapi('FieldChange');

export const DiffAnswer = z
  .object({
    base: z.object({ id: z.string(), number: z.number().int() }).nullable(),
    diff: z.object({
      steps: z.array(
        z.object({
          stepId: z.string(),
          status: z.enum(['added', 'removed', 'changed', 'unchanged']),
          type: z.string(),
          name: z.string().optional(),
          changedFields: z.array(FieldChange),
          unchangedSince: z.number().int().optional(),
        }),
      ),
      journey: z.object({ changedFields: z.array(FieldChange) }),
    }),
  })
  .openapi('VersionDiff');

export const DiffQuery = z.object({
  against: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'against', in: 'query' }, description: 'Compare with this version instead' }),
});

export const ReviewQueue = z
  .object({
    versions: z.array(
      Version.extend({
        journeyName: z.string(),
        awaiting: z.array(z.string()).openapi({ description: 'Disciplines that have not signed yet' }),
      }),
    ),
  })
  .openapi('ReviewQueue');

export const ReviewSettings = z
  .object({ disciplines: z.array(Discipline), source: z.enum(['journey', 'server']) })
  .openapi('ReviewSettings');
export const ReviewSettingsInput = z
  .object({ disciplines: z.array(z.string()).max(10).nullable() })
  .openapi('ReviewSettingsInput');

export const VersionExport = z
  .object({ exportedAt: z.string(), exportedBy: Person, version: VersionWithDocument, comments: z.array(Comment) })
  .openapi('VersionExport');
