/** Bulk enrollment from a CSV file: the request (the file's text) and the row-by-row answers of preview and run. */
import { z } from '@hono/zod-openapi';

export const BulkEnrollmentInput = z
  .object({
    csv: z
      .string()
      .min(1, 'must hold the CSV file')
      .max(2_000_000, 'must be at most 2,000,000 characters')
      .openapi({
        description:
          'The CSV file as text, with a header line: name, phone and/or email, timeZone, consent ("yes" or channels ' +
          'such as "sms; email"), and any attribute the journey declares',
      }),
  })
  .openapi('BulkEnrollmentInput');

const BulkRow = z
  .object({
    line: z.number().int().openapi({ description: 'The line in the file; the header is line 1' }),
    name: z.string(),
    status: z.enum(['ready', 'problem', 'already-enrolled']),
    problems: z.array(z.string()).openapi({ description: 'Every problem of the row, in words' }),
    warnings: z
      .array(z.string())
      .optional()
      .openapi({ description: 'Not a reason to refuse the row: a phone or email another patient also has' }),
    phone: z.string().optional().openapi({ description: 'Normalised to E.164' }),
    email: z.string().optional(),
    timeZone: z.string().optional(),
    patientId: z.string().optional(),
    enrollmentId: z.string().optional(),
    error: z.string().optional().openapi({ description: 'Why enrolling this valid row failed; upload again to retry' }),
  })
  .openapi('BulkEnrollmentRow');

const Counts = z.object({
  rows: z.number().int(),
  ready: z.number().int(),
  problems: z.number().int(),
  alreadyEnrolled: z.number().int(),
});

export const BulkPreviewAnswer = z
  .object({ versionId: z.string(), rows: z.array(BulkRow), counts: Counts })
  .openapi('BulkEnrollmentPreview');

export const BulkRunAnswer = z
  .object({
    versionId: z.string(),
    rows: z.array(BulkRow),
    counts: Counts.extend({ enrolled: z.number().int(), failed: z.number().int() }),
  })
  .openapi('BulkEnrollmentResult');
