/** Consents and contact corrections: what the patient agreed to, per channel and purpose, and their corrected addresses. */
import { z } from '@hono/zod-openapi';

export const Consent = z
  .object({
    id: z.string(),
    patientId: z.string(),
    channel: z.string(),
    purpose: z.string(),
    status: z.enum(['granted', 'revoked']),
    source: z.string(),
    evidence: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .openapi('Consent');

export const ConsentAnswer = z.object({ consent: Consent }).openapi('ConsentAnswer');

/** The newest record per channel and purpose is the one in force; older ones are the history. */
export const ConsentList = z.object({ consents: z.array(Consent) }).openapi('ConsentList');

export const ContactCorrection = z
  .strictObject({
    phone: z
      .string()
      .trim()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +15551234567')
      .nullable()
      .optional(),
    email: z.string().trim().email('must be an email address').max(320).nullable().optional(),
  })
  .refine((c) => c.phone !== undefined || c.email !== undefined, 'must correct the phone, the email or both')
  .openapi('ContactCorrection');

export const ContactState = z
  .object({
    phone: z.string().nullable(),
    email: z.string().nullable(),
    phoneProblem: z.string().nullable().openapi({ description: 'Why the number stopped working, until corrected' }),
    phoneProblemAt: z.string().nullable(),
    emailProblem: z.string().nullable(),
    emailProblemAt: z.string().nullable(),
  })
  .openapi('ContactState');
