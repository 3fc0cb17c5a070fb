/** The development channel's phone: messages in both directions, and what a reply from the patient led to. */
import { z } from '@hono/zod-openapi';
import { Patient } from './patient.js';

export const PatientParam = z.object({
  patientId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'patientId', in: 'path' } }),
});

export const ReplyInput = z
  .object({ text: z.string().trim().min(1, 'must not be empty').max(1600) })
  .openapi('ReplyInput');

export const InboxMessage = z
  .object({
    id: z.string(),
    direction: z.enum(['outbound', 'inbound']),
    channel: z.string(),
    subject: z.string().optional(),
    body: z.string(),
    status: z.string().optional().openapi({ description: 'For replies: delivered to the journey, or not' }),
    createdAt: z.string(),
  })
  .openapi('InboxMessage');
export type InboxMessage = z.infer<typeof InboxMessage>;

export const Inbox = z.object({ patient: Patient, messages: z.array(InboxMessage) }).openapi('Inbox');
export type Inbox = z.infer<typeof Inbox>;

/** The reply just received, as the patient sent it. */
const SentReply = z.object({
  id: z.string(),
  direction: z.literal('inbound'),
  channel: z.string(),
  body: z.string(),
});

/** A reply goes to the enrollment awaiting it (`notUnderstood` when it fit no reply class); STOP opts out and ends every run; START opts back in; HELP is answered. */
export const ReplyOutcome = z
  .union([
    z.object({ message: SentReply, enrollmentId: z.string(), notUnderstood: z.boolean().optional() }),
    z.object({ message: SentReply, optedOut: z.boolean(), enrollmentIds: z.array(z.string()) }),
    z.object({ message: SentReply, optedIn: z.boolean() }),
    z.object({ message: SentReply, help: z.literal(true) }),
  ])
  .openapi('ReplyOutcome');
export type ReplyOutcome = z.infer<typeof ReplyOutcome>;
