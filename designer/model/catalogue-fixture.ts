/** A small journey with one step of every type, for stories and tests of the full catalogue (the examples may not all exist yet). */
import { JourneyDocument } from '../../schema/index.js';
import injectionAnxiety from '../../examples/questionnaires/injection-anxiety.json';

export const catalogueJourney: JourneyDocument = JourneyDocument.parse({
  schemaVersion: 2,
  name: 'Refill and anxiety check',
  attributes: { refillDueDate: { type: 'date' }, anxietyRisk: { type: 'string' } },
  events: { 'refill-picked-up': { fields: { pharmacy: { type: 'string' } } } },
  exitCriteria: [{ id: 'opted-out', event: 'refill-picked-up', when: 'false' }],
  goals: [{ id: 'refilled', event: 'refill-picked-up' }],
  settings: { consentPurpose: 'adherence-support' },
  start: 'ask-anxiety',
  steps: {
    'ask-anxiety': {
      type: 'assessment',
      name: 'Injection anxiety check',
      questionnaire: injectionAnxiety,
      delivery: 'sms',
      connector: 'dev',
      timeout: 'P2D',
      intro: 'A few quick questions about your injections.',
      outputs: { completed: 'by-score', timeout: 'before-refill', declined: 'before-refill' },
    },
    'by-score': {
      type: 'split',
      name: 'By anxiety score',
      split: {
        mode: 'bands',
        value: 'assessment.score',
        bands: [
          { id: 'low', label: 'Low', min: 0, max: 3 },
          { id: 'high', label: 'High', min: 4, max: 9 },
        ],
      },
      outputs: { low: 'before-refill', high: 'mark-risk' },
    },
    'mark-risk': {
      type: 'update',
      name: 'Mark as high risk',
      set: [{ attribute: 'anxietyRisk', value: '"high"' }],
      addTags: ['anxiety-high'],
      outputs: { next: 'nurse-call' },
    },
    'nurse-call': {
      type: 'task',
      name: 'Nurse call',
      queue: 'nurses',
      title: 'Call about injection anxiety',
      talkingPoints: ['Ask what worries them most'],
      outcomes: [{ id: 'reached' }, { id: 'voicemail' }],
      deadline: 'PT8H',
      outputs: { reached: 'before-refill', voicemail: 'before-refill', escalated: 'left' },
    },
    'before-refill': {
      type: 'wait',
      name: 'Three days before refill',
      wait: { kind: 'attribute-date', attribute: 'refillDueDate', offset: '-P3D', time: '10:00' },
      outputs: { next: 'morning' },
    },
    morning: {
      type: 'wait',
      name: 'Next weekday morning',
      wait: { kind: 'time-of-day', time: '09:00', weekdays: ['mon', 'wed'] },
      outputs: { next: 'remind' },
    },
    remind: {
      type: 'message',
      name: 'Refill reminder',
      channel: 'sms',
      connector: 'dev',
      template: 'Your refill is due soon.',
      outputs: { next: 'await-refill' },
    },
    'await-refill': {
      type: 'wait-for-event',
      name: 'Refill picked up?',
      event: 'refill-picked-up',
      timeout: 'P7D',
      maxVisits: 3,
      outputs: { received: 'refilled', timeout: 'ab' },
    },
    ab: {
      type: 'split',
      name: 'A/B reminder',
      split: {
        mode: 'random',
        variants: [
          { id: 'a', percent: 50 },
          { id: 'b', percent: 50 },
        ],
      },
      outputs: { a: 'remind', b: 'left' },
    },
    refilled: { type: 'goal', name: 'Refilled', goal: 'refilled', outputs: { next: 'done' } },
    left: { type: 'exit', name: 'Left the program', reason: 'no refill after reminders', outputs: {} },
    done: { type: 'end', name: 'Done', outputs: {} },
  },
});
