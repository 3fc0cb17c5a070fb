/** The contact-hygiene report: what it covers, counts, and one entry per contact issue. */
import { z } from '@hono/zod-openapi';

export const HygieneQuery = z
  .object({
    journeyId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Patients enrolled in any version of this journey' }),
    versionId: z.string().min(1).max(100).optional().openapi({ description: 'Patients enrolled in this version' }),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .refine((q) => !(q.journeyId && q.versionId), {
    message: 'give a journeyId or a versionId, not both',
    path: ['versionId'],
  });

const SharingPatient = z.object({ id: z.string(), name: z.string() });

export const ContactIssue = z
  .object({
    patientId: z.string(),
    patientName: z.string(),
    contact: z.enum(['phone', 'email']),
    address: z.string().optional().openapi({ description: 'E.164 or lower-cased email; absent when missing' }),
    issue: z.enum(['bad', 'opted-out', 'missing', 'shared']),
    detail: z.string().openapi({ description: "The provider's reason, the opt-out keyword, the channels, who else" }),
    since: z.string().optional().openapi({ description: 'When the address was marked bad or opted out' }),
    sharedWith: z.array(SharingPatient).optional().openapi({ description: 'Other patients with the same address' }),
    enrollments: z
      .array(z.string())
      .openapi({ description: 'The patient\'s enrollments in scope, e.g. "Refill v2 (running)"' }),
  })
  .openapi('ContactIssue');

export const HygieneReport = z
  .object({
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('all') }),
      z.object({ kind: z.literal('journey'), journeyId: z.string(), journeyName: z.string() }),
      z.object({
        kind: z.literal('version'),
        journeyId: z.string(),
        journeyName: z.string(),
        versionId: z.string(),
        versionNumber: z.number().int(),
      }),
    ]),
    generatedAt: z.string(),
    patients: z.number().int().openapi({ description: 'Patients checked (test patients are left out)' }),
    patientsWithIssues: z.number().int(),
    counts: z.object({
      bad: z.number().int(),
      'opted-out': z.number().int(),
      missing: z.number().int(),
      shared: z.number().int(),
    }),
    issues: z.array(ContactIssue),
  })
  .openapi('HygieneReport');
