/** One patient for the care team: contacts and their state, consents, enrollments, messages both ways, assessment scores, tasks. */
import { z } from '@hono/zod-openapi';
import { Patient } from './patient.js';

export const PatientSearchQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Part of a name, phone number (3 digits or more) or email address' }),
});

const Contact = z.object({
  address: z.string(),
  state: z.enum(['ok', 'opted-out', 'bad']),
  optedOutAt: z.string().optional(),
  keyword: z.string().optional().openapi({ description: 'What the patient sent to opt out (STOP…)' }),
  problem: z.string().optional().openapi({ description: 'Why the address stopped working' }),
  problemAt: z.string().optional(),
  sharedWith: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .optional()
    .openapi({ description: 'Other patients with the same phone number or email address (a family phone…)' }),
});

export const PatientDetail = z
  .object({
    patient: Patient,
    contacts: z.object({ phone: Contact.optional(), email: Contact.optional() }),
    consents: z.array(
      z.object({
        channel: z.string(),
        purpose: z.string(),
        status: z.string(),
        source: z.string(),
        recordedAt: z.string(),
      }),
    ),
    enrollments: z.array(
      z.object({
        id: z.string(),
        journeyName: z.string(),
        versionId: z.string(),
        versionNumber: z.number().int(),
        status: z.string(),
        reason: z.string().optional(),
        startedAt: z.string(),
        endedAt: z.string().optional(),
      }),
    ),
    messages: z.array(
      z.object({
        id: z.string(),
        direction: z.string(),
        channel: z.string(),
        stepId: z.string().optional(),
        subject: z.string().optional(),
        body: z.string(),
        status: z.string(),
        createdAt: z.string(),
      }),
    ),
    assessments: z.array(
      z.object({ enrollmentId: z.string(), stepId: z.string(), score: z.number(), createdAt: z.string() }),
    ),
    tasks: z.array(
      z.object({
        id: z.string(),
        enrollmentId: z.string().nullable(),
        title: z.string(),
        queue: z.string(),
        status: z.string(),
        outcome: z.string().optional(),
        cancelReason: z.string().optional(),
        dueAt: z.string(),
      }),
    ),
  })
  .openapi('PatientDetail');
