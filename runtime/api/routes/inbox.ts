/** The development channel's phone: what a patient received, and a reply box that answers as the patient would. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, lookupErrors } from '../openapi.js';
import { Inbox, PatientParam, ReplyInput, ReplyOutcome } from '../schemas/inbox.js';
import { requireRole, roles, requireTemporal } from '../auth.js';
import { ConflictError, RuleViolationError } from '../../errors.js';
import { getPatient } from '../../patients/repository.js';
import { devInbox, messages } from '../../db/schema.js';
import { receiveReply } from '../../enrollments/inbound.js';

const phone = createRoute({
  method: 'get',
  path: '/inbox/{patientId}',
  tags: ['Development channel'],
  ...roles('program-manager', 'care-team'),
  summary: "A patient's phone on the development channel",
  request: { params: PatientParam },
  responses: {
    200: json(Inbox, 'Messages in both directions, oldest first'),
    ...lookupErrors,
  },
});

const reply = createRoute({
  method: 'post',
  path: '/inbox/{patientId}/replies',
  tags: ['Development channel'],
  ...roles('program-manager', 'care-team'),
  summary: 'Reply as the patient (test patients only)',
  description:
    "Only for test patients (enrolled from the designer's test run); a real patient replies from their own phone. STOP (and STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT) opts out and ends every running enrollment; START opts back in.",
  request: { params: PatientParam, ...body(ReplyInput) },
  responses: {
    202: json(ReplyOutcome, 'The reply was passed to the journey, or the opt-out or opt-in recorded'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
    503: errors[503],
  },
});

export const inboxRoutes = new OpenAPIHono<AppEnv>()
  .openapi(phone, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    const patient = await getPatient(db, c.req.valid('param').patientId);
    // Only what was sent to this patient: two patients sharing a number never see each other's messages.
    const deliveredIds = (
      await db
        .select({ id: messages.providerMessageId })
        .from(messages)
        .where(
          and(eq(messages.patientId, patient.id), eq(messages.direction, 'outbound'), eq(messages.connector, 'dev')),
        )
    )
      .map((m) => m.id)
      .filter((id): id is string => !!id);
    const received = deliveredIds.length
      ? await db.select().from(devInbox).where(inArray(devInbox.id, deliveredIds)).orderBy(asc(devInbox.createdAt))
      : [];
    const sent = await db
      .select()
      .from(messages)
      .where(and(eq(messages.patientId, patient.id), eq(messages.direction, 'inbound'), eq(messages.connector, 'dev')))
      .orderBy(asc(messages.createdAt));
    const all = [
      ...received.map((m) => ({
        id: m.id,
        direction: 'outbound' as const,
        channel: m.channel,
        subject: m.subject ?? undefined,
        body: m.body,
        createdAt: m.createdAt,
      })),
      ...sent.map((m) => ({
        id: m.id,
        direction: 'inbound' as const,
        channel: m.channel,
        body: m.body,
        status: m.status,
        createdAt: m.createdAt,
      })),
    ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return c.json({ patient, messages: all }, 200);
  })
  .openapi(reply, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { db, connectors } = c.get('deps');
    const patient = await getPatient(db, c.req.valid('param').patientId);
    // Nobody speaks for a real patient: their answers steer their care.
    if (!patient.test)
      throw new RuleViolationError(
        'not-a-test-patient',
        "Replying as the patient works only for test patients enrolled from the designer's test run.",
      );
    const from = patient.phone ?? patient.email;
    if (!from)
      throw new ConflictError('no-address', 'This patient has no phone number or email address to reply from.');
    const dev = connectors.get('dev');
    if (!dev?.connector.parseInbound)
      throw new ConflictError('no-dev-channel', 'The development channel is not enabled on this server.');
    // Go through the connector's own inbound parser, as a provider webhook would.
    const [inbound] = dev.connector.parseInbound(
      {
        url: c.req.url,
        headers: {},
        rawBody: JSON.stringify({ from, body: c.req.valid('json').text, channel: patient.phone ? 'sms' : 'email' }),
      },
      dev.settings,
    );
    return c.json(await receiveReply(db, () => requireTemporal(c), patient.id, 'dev', inbound, connectors), 202);
  });
