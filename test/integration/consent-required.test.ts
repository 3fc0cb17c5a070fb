/**
 * Consent required by configuration, on real Temporal with the SMS provider faked at the network edge: with the
 * deployment default (CAREPATH_REQUIRE_CONSENT unset, so on) a send without a granted consent for the channel and the
 * journey's purpose is refused, recorded on the message and the journey takes its `failed` output; with consent the
 * patient gets the text; the development channel, which reaches no one, needs none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { validateJourney } from '../../schema/validate.js';
import type { JourneyDocument } from '../../schema/document.js';
import { configFromEnv } from '../../runtime/config.js';
import { messages } from '../../runtime/db/schema.js';
import { createDevInboxStore } from '../../runtime/db/dev-inbox.js';
import { recordConsent } from '../../runtime/channels/consent.js';
import { enrollmentState, startEnrollment } from '../../runtime/temporal/client.js';
import { createTwilioSmsConnector } from '../../connectors/twilio/twilio-sms.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { FAKE_ACCOUNT_SID, FAKE_AUTH_TOKEN, startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startHarness, type Harness } from './harness.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

const PURPOSE = 'adherence-support';

/** One reminder by SMS through `connector`; a refused send ends the journey at `not-sent`. */
function reminder(connector: string): JourneyDocument {
  const result = validateJourney({
    schemaVersion: 2,
    name: `Refill reminder via ${connector}`,
    settings: { consentPurpose: PURPOSE },
    start: 'remind',
    steps: {
      remind: {
        type: 'message',
        channel: 'sms',
        connector,
        template: 'Hi {{ patient.firstName }}, time to refill.',
        outputs: { next: 'sent', failed: 'not-sent' },
      },
      sent: { type: 'end' },
      'not-sent': { type: 'end' },
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.document;
}

let harness: Harness;
let twilio: FakeTwilio;
const deployment = configFromEnv({});

beforeAll(async () => {
  twilio = await startFakeTwilio();
  harness = await startHarness(
    'carepath-consent-test',
    () => createTimeSkippingEnv(),
    (registry) =>
      registry.register(createTwilioSmsConnector(), {
        accountSid: FAKE_ACCOUNT_SID,
        authToken: FAKE_AUTH_TOKEN,
        from: '+15017122661',
        baseUrl: twilio.baseUrl,
        webhookUrl: 'https://carepath.example.org/webhooks/twilio-sms',
      }),
    // What `npm start` and a production deployment pass when CAREPATH_REQUIRE_CONSENT is not set.
    { requireConsent: deployment.requireConsent },
  );
}, 300_000);

afterAll(async () => {
  await harness?.stop();
  await twilio?.close();
}, 60_000);

/** Enrolls a new patient in a journey sending through `connector` and runs the journey to its end. */
async function runJourney(connector: string, phone: string, consent?: 'granted' | 'revoked') {
  const { db } = harness.database;
  const patientId = await seedPatient(db, { name: 'Ada Lovelace', phone });
  if (consent)
    await recordConsent(db, 'usr_test', patientId, {
      channel: 'sms',
      purpose: PURPOSE,
      status: consent,
      source: 'enrollment form',
    });
  const input = await seedEnrollment(db, await seedJourney(db, reminder(connector)), patientId);
  await startEnrollment(harness.env.client, harness.taskQueue, input);
  await harness.env.client.workflow.getHandle(input.workflowId).result();
  const state = await enrollmentState(harness.env.client, input.workflowId);
  const rows = await db.select().from(messages).where(eq(messages.enrollmentId, input.enrollmentId));
  return { path: state?.path.map((p) => p.step), rows };
}

describe('consent required by the deployment', () => {
  it('is on unless CAREPATH_REQUIRE_CONSENT says off', () => {
    expect(deployment.requireConsent).toBe(true);
    expect(configFromEnv({ CAREPATH_REQUIRE_CONSENT: 'off' }).requireConsent).toBe(false);
    expect(() => configFromEnv({ CAREPATH_REQUIRE_CONSENT: 'of' })).toThrow(/must be on or off, not "of"/);
  });

  it('refuses a send with no consent on record: nothing reaches the provider, the refusal is on the message', async () => {
    const phone = '+15550100701';
    const { path, rows } = await runJourney('twilio-sms', phone);
    expect(path).toEqual(['remind', 'not-sent']);
    expect(twilio.messagesTo(phone)).toEqual([]);
    expect(rows.map((m) => [m.status, m.error])).toEqual([
      ['failed', `the patient has not consented to sms for "${PURPOSE}"`],
    ]);
  });

  it('sends once consent for the channel and purpose is granted, and refuses again once it is revoked', async () => {
    const granted = await runJourney('twilio-sms', '+15550100702', 'granted');
    expect(granted.path).toEqual(['remind', 'sent']);
    expect(twilio.messagesTo('+15550100702').map((m) => m.params.Body)).toEqual(['Hi Ada, time to refill.']);
    const revoked = await runJourney('twilio-sms', '+15550100703', 'revoked');
    expect(revoked.path).toEqual(['remind', 'not-sent']);
    expect(revoked.rows[0].error).toBe(`the patient revoked consent to sms for "${PURPOSE}"`);
  });

  it('lets the development channel deliver to its local inbox without consent: it reaches no one', async () => {
    const phone = '+15550100704';
    const { path } = await runJourney('dev', phone);
    expect(path).toEqual(['remind', 'sent']);
    expect(await createDevInboxStore(harness.database.db).messagesTo([phone])).toHaveLength(1);
  });
});
