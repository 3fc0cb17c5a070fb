import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../schema/index.js';
import onboardingJson from '../../examples/journeys/self-injection-onboarding.journey.json';
import refillJson from '../../examples/journeys/pharmacy-refill.journey.json';
import {
  renderJourneyMessages,
  type RenderedAssessment,
  type RenderedMessage,
  type RenderedTask,
} from './rendered-messages.js';
import { samplePatients } from './sample-patients.js';

const onboarding = JourneyDocument.parse(onboardingJson);
const refill = JourneyDocument.parse(refillJson);
const journey = { id: 'jrn_1', name: 'Self-injection onboarding' };
const maria = { name: 'Maria Garcia', attributes: { therapy: 'Humira pen' } };

describe('messages rendered for a sample patient', () => {
  const rendered = renderJourneyMessages(onboarding, maria, journey);
  const byId = (id: string) => rendered.find((r) => r.stepId === id);

  it('lists messages, assessments and tasks in the order the patient meets them, starting at the start step', () => {
    expect(rendered[0].stepId).toBe(onboarding.start);
    expect(rendered.map((r) => r.kind)).toEqual(expect.arrayContaining(['message', 'assessment', 'task']));
    expect(rendered.some((r) => onboarding.steps[r.stepId].type === 'wait')).toBe(false);
  });

  it('renders an SMS with the patient first name, and counts its GSM-7 segments against the budget', () => {
    const sms = byId('relaxation-sms') as RenderedMessage;
    expect(sms.body).toEqual({ ok: true, text: expect.stringMatching(/^Good morning Maria\. Before your injection/) });
    expect(sms.sms).toMatchObject({ encoding: 'GSM-7', segments: 1, budget: onboarding.settings.smsSegmentBudget });
  });

  it('switches the count to UCS-2 when the name has a character outside the GSM alphabet', () => {
    const zoe = renderJourneyMessages(onboarding, { name: 'Zoë Nakamura', attributes: {} }, journey);
    const sms = zoe.find((r) => r.stepId === 'relaxation-sms') as RenderedMessage;
    expect(sms.body.ok && sms.body.text).toContain('Good morning Zoë.');
    expect(sms.sms?.encoding).toBe('UCS-2');
    // The same text that fits one GSM-7 segment for Maria takes two 67-unit UCS-2 segments.
    expect(sms.sms?.characters).toBe(sms.body.ok ? sms.body.text.length : -1);
    expect(sms.sms?.segments).toBe(2);
  });

  it('renders an email subject and body', () => {
    const email = byId('follow-up-email') as RenderedMessage;
    expect(email.channel).toBe('email');
    expect(email.subject).toEqual({ ok: true, text: 'Three steps to prepare for your injection' });
    expect(email.body.ok && email.body.text).toMatch(/^Hi Maria,\n\n1\. Take the pen out of the fridge/);
    expect(email.sms).toBeUndefined();
  });

  it('shows each assessment question as the SMS that asks it, with its numbered answer options', () => {
    const assessment = byId('anxiety-check') as RenderedAssessment;
    expect(assessment.title).toBe('Self-injection anxiety check');
    expect(assessment.intro).toEqual({ ok: true, text: expect.stringContaining('reply with the number') });
    expect(assessment.questions).toHaveLength(3);
    const [first] = assessment.questions;
    expect(first.text).toMatch(/^\(1\/3\) .*How worried do you feel.*Reply 0 Not at all, 1 A little/);
    expect(first.options).toEqual([
      { number: 0, label: 'Not at all' },
      { number: 1, label: 'A little' },
      { number: 2, label: 'Quite a bit' },
      { number: 3, label: 'Very much' },
    ]);
    expect(first.sms?.segments).toBeGreaterThan(0);
  });

  it("shows each task's talking points and outcomes for the nurse", () => {
    const task = byId('onboarding-call') as RenderedTask;
    expect(task.talkingPoints[0]).toBe('Introduce yourself and the support program.');
    expect(task.outcomes.length).toBeGreaterThan(0);
  });

  it('renders a voice script and reads declared attributes from the sample patient', () => {
    const [sample] = samplePatients(refill);
    const steps = renderJourneyMessages(refill, sample, { id: 'jrn_2', name: 'Pharmacy refill' });
    const voice = steps.find((r) => r.stepId === 'voice-call') as RenderedMessage;
    expect(voice.channel).toBe('voice');
    expect(voice.body.ok && voice.body.text).toMatch(/^Hello, this is your pharmacy calling/);
    const confirmation = steps.find((r) => r.stepId === 'refill-confirmation') as RenderedMessage;
    expect(confirmation.body).toEqual({
      ok: true,
      text: "Thanks Maria! Your refill request is with Main Street Pharmacy. We'll text you when it's ready.",
    });
  });

  it('says plainly which value is missing instead of rendering a gap', () => {
    const steps = renderJourneyMessages(refill, { name: 'Ann Lee', attributes: {} }, journey);
    const confirmation = steps.find((r) => r.stepId === 'refill-confirmation') as RenderedMessage;
    expect(confirmation.body).toEqual({ ok: false, error: expect.stringContaining('patient.pharmacyName') });
  });
});

describe('sample patients', () => {
  it('give every declared attribute a value of its type', () => {
    const samples = samplePatients({
      attributes: { pharmacyName: { type: 'string' }, visits: { type: 'number' }, enrolledOn: { type: 'date' } },
    });
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const sample of samples) {
      expect(typeof sample.attributes.pharmacyName).toBe('string');
      expect(typeof sample.attributes.visits).toBe('number');
      expect(sample.attributes.enrolledOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
