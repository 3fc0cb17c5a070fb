/** The audit trail's verification verdict and its export. */
import { z } from '@hono/zod-openapi';

export const AuditVerification = z
  .object({
    ok: z.boolean(),
    rows: z.number().int().openapi({ description: 'Rows checked (up to the first bad one when broken)' }),
    brokenAt: z.number().int().optional().openapi({ description: 'The seq of the first row that does not hold' }),
    reason: z.string().optional(),
  })
  .openapi('AuditVerification');

export const AuditExportQuery = z
  .object({
    format: z.enum(['json', 'csv']).default('json'),
    entityId: z.string().min(1).max(200).optional().openapi({ description: 'A version, journey, user… id' }),
    from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'ISO 8601, inclusive' }),
    to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'ISO 8601, inclusive' }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: '"from" must not be later than "to"',
    path: ['from'],
  });

export const AuditRecord = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    data: z.unknown(),
    hash: z.string(),
  })
  .openapi('AuditRecord');

export const AuditExport = z
  .object({
    exportedAt: z.string(),
    exportedBy: z.string(),
    filter: z.object({ entityId: z.string().optional(), from: z.string().optional(), to: z.string().optional() }),
    verification: AuditVerification,
    records: z.array(AuditRecord),
  })
  .openapi('AuditExport');
