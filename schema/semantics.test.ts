import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateJourney } from './validate.js';
import { migrateDocument } from './migrations/index.js';
import { contentHash } from './canonical.js';
import { journeyJsonSchema } from './json-schema.js';

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`../examples/journeys/${name}.journey.json`, import.meta.url), 'utf8'));
const codes = (doc: unknown, context = {}) => validateJourney(doc, context).problems.map((p) => p.code);

describe('every example journey', () => {
  for (const name of [
    'first-dose-check-in',
    'self-injection-onboarding',
    'pharmacy-refill',
    'decliner-re-engagement',
    'phq-9-check-in',
  ]) {
    it(`${name} is valid against the development channel`, () => {
      const result = validateJourney(load(name), {
        connectors: [{ id: 'dev', channels: ['sms', 'email', 'voice', 'video', 'push', 'webhook'] }],
      });
      expect(result.problems).toEqual([]);
    });
  }
});

describe('semantic checks name the step, the field and the position', () => {
  it('reports an unknown attribute in a split condition with its character position', () => {
    const doc = load('phq-9-check-in');
    doc.steps['item-9-safety'].split.branches[0].when = 'patient.mood == "low"';
    const problem = validateJourney(doc).problems.find((p) => p.code === 'expression.invalid')!;
    expect(problem).toMatchObject({ stepId: 'item-9-safety', pointer: '/steps/item-9-safety/split/branches/0/when' });
    expect(problem.message).toMatch(/character \d+/);
  });

  it('reports a type error: a condition that is not true/false', () => {
    const doc = load('phq-9-check-in');
    doc.steps['item-9-safety'].split.branches[0].when = 'assessment.score + 1.0';
    expect(validateJourney(doc).problems.find((p) => p.code === 'expression.invalid')?.message).toMatch(
      /must be true or false, but this expression gives a number/,
    );
  });

  it('reports an undeclared template variable', () => {
    const doc = load('pharmacy-refill');
    doc.steps['refill-confirmation'].template = 'Ready at {{ patient.pharmacy_name }}';
    const problem = validateJourney(doc).problems.find((p) => p.code === 'template.invalid')!;
    expect(problem).toMatchObject({ stepId: 'refill-confirmation', pointer: '/steps/refill-confirmation/template' });
    expect(problem.message).toContain('pharmacy_name');
  });

  it('finds gaps and overlaps in a score band table', () => {
    const doc = load('phq-9-check-in');
    doc.steps.severity.split.bands[1].min = 6; // gap at 5
    doc.steps.severity.split.bands[3].min = 14; // overlaps moderate
    const messages = validateJourney(doc)
      .problems.filter((p) => p.code === 'split.band-table')
      .map((p) => p.message);
    expect(messages.join(' ')).toMatch(/no band covers 5–5/);
    expect(messages.join(' ')).toMatch(/overlap/);
  });

  it('applies policy: a message with no consent purpose, an SMS over its segment budget', () => {
    const doc = load('first-dose-check-in');
    delete doc.settings.consentPurpose;
    doc.steps.welcome.template = 'x'.repeat(500);
    expect(codes(doc)).toEqual(expect.arrayContaining(['policy.no-consent-purpose', 'policy.sms-over-budget']));
  });

  it('knows unknown connectors and channels a connector cannot send, when told what is installed', () => {
    const doc = load('pharmacy-refill');
    doc.steps['voice-call'].connector = 'twilio';
    const found = codes(doc, { connectors: [{ id: 'dev', channels: ['sms', 'email'] }] });
    expect(found).toEqual(expect.arrayContaining(['connector.unknown', 'connector.channel-unsupported']));
  });

  it('requires every loop to have an iteration cap as well as a wait', () => {
    const doc = load('phq-9-check-in');
    delete doc.steps['phq-9'].maxVisits;
    delete doc.steps['phq-9'].outputs.capped;
    expect(codes(doc)).toContain('graph.loop-without-cap');
  });

  it('checks declared events on wait-for-event steps and exit criteria', () => {
    const doc = load('pharmacy-refill');
    doc.steps['await-pickup'].event = 'refill.pickedup';
    doc.exitCriteria.push({ id: 'moved', event: 'patient.moved' });
    expect(codes(doc).filter((c) => c === 'event.undeclared')).toHaveLength(2);
  });
});

describe('schema migrations', () => {
  it('brings a schema-1 document forward: the time zone names its source and quiet hours become explicit', () => {
    const v1 = {
      schemaVersion: 1,
      name: 'Old',
      settings: { timeZone: 'America/Chicago', consentPurpose: 'adherence' },
      start: 'end',
      steps: { end: { type: 'end', outputs: {} } },
    };
    const migrated = migrateDocument(v1);
    expect(migrated.ok && migrated.applied.map((m) => `${m.from}→${m.to}`)).toEqual(['1→2']);
    const result = validateJourney(v1);
    expect(result.ok).toBe(true);
    expect(result.document!.settings.timeZone).toEqual({ source: 'fixed', zone: 'America/Chicago' });
    expect(result.document!.settings.quietHours).toEqual({ start: '21:00', end: '08:00', channels: ['sms', 'voice'] });
    expect(validateJourney({ ...v1, settings: { timeZone: 'patient' } }).document!.settings.timeZone).toMatchObject({
      source: 'patient',
    });
  });

  it('refuses a document from a newer schema than this Carepath knows', () => {
    expect(validateJourney({ ...load('first-dose-check-in'), schemaVersion: 99 }).problems[0]).toMatchObject({
      code: 'structure.schema-version',
      pointer: '/schemaVersion',
    });
  });
});

describe('hostile documents get a precise error in bounded time', () => {
  it('refuses millions of steps without building them', () => {
    const steps: Record<string, unknown> = {};
    for (let i = 0; i < 50_000; i++) steps[`s${i}`] = { type: 'end' };
    expect(validateJourney({ schemaVersion: 2, name: 'x', start: 's0', steps }).problems[0]).toMatchObject({
      code: 'structure.limits',
      pointer: '/steps',
    });
  });

  it('refuses a reference cycle, constructor and prototype keys, and huge strings', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 2, name: 'x' };
    cyclic.self = cyclic;
    expect(validateJourney(cyclic).problems[0].message).toMatch(/cycle/);
    expect(validateJourney({ schemaVersion: 2, name: 'x', constructor: {} }).problems[0].pointer).toBe('/constructor');
    const doc = load('first-dose-check-in');
    doc.steps.welcome.template = 'x'.repeat(1_000_000);
    expect(validateJourney(doc).problems[0]).toMatchObject({ pointer: '/steps/welcome/template' });
  });
});

describe('exports', () => {
  it('exports a JSON Schema that describes every step type', () => {
    const text = JSON.stringify(journeyJsonSchema());
    for (const type of [
      'message',
      'wait',
      'wait-for-event',
      'assessment',
      'split',
      'task',
      'update',
      'goal',
      'exit',
      'end',
    ])
      expect(text).toContain(`"${type}"`);
  });

  it('hashes the same content the same after a migration round trip of defaults', async () => {
    const a = validateJourney(load('pharmacy-refill')).document!;
    const b = validateJourney(JSON.parse(JSON.stringify(a))).document!;
    expect(await contentHash(b)).toBe(await contentHash(a));
  });
});
