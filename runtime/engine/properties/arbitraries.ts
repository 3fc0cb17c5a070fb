/** fast-check arbitraries for property tests: random valid journeys (a DAG plus capped loops through waits); the host side is in script-arbitraries.ts. */
import fc from 'fast-check';
import injectionAnxiety from '../../../examples/questionnaires/injection-anxiety.json';
import { validateJourney } from '../../../schema/validate.js';
import type { JourneyDocument } from '../../../schema/document.js';

/** A tiny scored questionnaire built inline: one choice question with ordinals and one integer question. */
const miniQuestionnaire = {
  resourceType: 'Questionnaire',
  id: 'mini',
  status: 'active',
  title: 'Mini check',
  item: [
    {
      linkId: 'mood',
      type: 'choice',
      text: 'How is your mood?',
      answerOption: [
        {
          valueCoding: { code: 'good', display: 'Good' },
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 0 }],
        },
        {
          valueCoding: { code: 'bad', display: 'Bad' },
          extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 3 }],
        },
      ],
    },
    { linkId: 'pain', type: 'integer', text: 'Pain from 0 to 10?' },
  ],
};

export const QUESTIONNAIRES = [injectionAnxiety, miniQuestionnaire] as const;
export const ZONES = ['America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'Europe/London', 'UTC'] as const;
export const EVENTS = ['refill-picked-up', 'appointment-kept', 'opted-out', 'therapy-stopped'] as const;
/** The exit criterion every generated journey carries: this event ends the enrollment at once. */
export const EXIT_EVENT = 'opted-out';
export const PLANS = ['gold', 'silver', 'stop', 'none'] as const;

const _KINDS = [
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
] as const;
type Kind = (typeof _KINDS)[number];

const nat = fc.nat({ max: 1000 });
const kindArb = fc.oneof(
  { weight: 7, arbitrary: fc.constant<Kind>('message') },
  { weight: 4, arbitrary: fc.constant<Kind>('wait') },
  { weight: 2, arbitrary: fc.constant<Kind>('wait-for-event') },
  { weight: 2, arbitrary: fc.constant<Kind>('assessment') },
  { weight: 3, arbitrary: fc.constant<Kind>('split') },
  { weight: 2, arbitrary: fc.constant<Kind>('task') },
  { weight: 1, arbitrary: fc.constant<Kind>('update') },
  { weight: 1, arbitrary: fc.constant<Kind>('goal') },
  { weight: 1, arbitrary: fc.constant<Kind>('exit') },
  { weight: 1, arbitrary: fc.constant<Kind>('end') },
);

const stepSeed = fc.record({
  kind: kindArb,
  p: fc.array(nat, { minLength: 6, maxLength: 6 }),
  targets: fc.array(nat, { minLength: 6, maxLength: 6 }),
  /** Index (mod i+1) of an earlier step a waiting step loops back to. */
  back: fc.option(nat, { freq: 3 }),
  maxVisits: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 4 }),
  optional: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
});
type StepSeed = typeof stepSeed extends fc.Arbitrary<infer T> ? T : never;

const settingsSeed = fc.record({
  zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined }),
  fallback: fc.constantFrom(...ZONES),
  /** Random windows, the US default, and narrow allowed hours around the small-hours DST changes. */
  quiet: fc.oneof(
    fc.record({
      start: fc.integer({ min: 0, max: 23 }),
      end: fc.integer({ min: 0, max: 23 }),
      minutes: fc.constantFrom(0, 30),
    }),
    fc.constant({ start: 21, end: 8, minutes: 0 }),
    fc.integer({ min: 0, max: 3 }).map((h) => ({ start: h + 1, end: h, minutes: 0 })),
  ),
  channels: fc.subarray(['sms', 'email', 'voice'] as const),
  cap: fc.option(fc.record({ max: fc.integer({ min: 1, max: 3 }), period: fc.constantFrom('PT1H', 'PT12H', 'P1D') }), {
    nil: undefined,
  }),
});

const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length];
const hhmm = (h: number, m: number) => `${String(h % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const DURATIONS = ['PT30M', 'PT2H', 'PT6H', 'P1D', 'P2D'];
const CONDITIONS = [
  'patient.age > 40.0',
  'patient.enrolled == true',
  'patient.plan == "gold"',
  'has(patient.refillDate) && patient.refillDate < now',
  'patient.score >= 5.0',
];

/** The step body (without outputs) for a seed, and its required and optional outputs; back-edge output first among waiting outputs. */
function body(
  id: string,
  seed: StepSeed,
): { step: Record<string, unknown>; required: string[]; optional: string[]; loopOutput?: string } {
  const [a, b, c, d, e, f] = seed.p;
  switch (seed.kind) {
    case 'message': {
      const channel = pick(['sms', 'sms', 'email'] as const, a);
      const step: Record<string, unknown> = {
        type: 'message',
        channel,
        connector: 'dev',
        template: b % 4 === 0 ? `Hi, your plan is {{ patient.plan }} (${id}).` : `Hello from ${id}.`,
      };
      if (channel === 'email') step.subject = 'Your program';
      if (c % 2 === 0) {
        const classes = Array.from({ length: 1 + (d % 3) }, (_, k) => ({
          id: `c${k}`,
          match: [String(k + 1), ['yes', 'no', 'later'][k]],
        }));
        step.await = { classes, timeout: pick(DURATIONS, e) };
        return {
          step,
          required: [...classes.map((k) => k.id), 'timeout'],
          optional: ['failed'],
          loopOutput: 'timeout',
        };
      }
      return { step, required: ['next'], optional: ['failed'] };
    }
    case 'wait': {
      const kind = a % 3;
      if (kind === 0)
        return {
          step: { type: 'wait', wait: { kind: 'duration', duration: pick(DURATIONS, b) } },
          required: ['next'],
          optional: [],
          loopOutput: 'next',
        };
      if (kind === 1) {
        const weekdays = c % 3 === 0 ? { weekdays: ['mon', 'wed', 'fri'].slice(0, 1 + (d % 3)) } : {};
        return {
          step: { type: 'wait', wait: { kind: 'time-of-day', time: hhmm(b, e % 2 ? 30 : 0), ...weekdays } },
          required: ['next'],
          optional: [],
          loopOutput: 'next',
        };
      }
      const offset = c % 3 === 0 ? {} : { offset: pick(['-P1D', 'P2D', '-PT12H'], d) };
      return {
        step: { type: 'wait', wait: { kind: 'attribute-date', attribute: 'refillDate', time: hhmm(b, 0), ...offset } },
        required: ['next'],
        optional: ['no-date'],
        loopOutput: 'next',
      };
    }
    case 'wait-for-event': {
      const event = pick(['refill-picked-up', 'appointment-kept'], a);
      const filter = event === 'refill-picked-up' && b % 2 === 0 ? { filter: 'event.days > 2.0' } : {};
      return {
        step: { type: 'wait-for-event', event, timeout: pick(DURATIONS, c), ...filter },
        required: ['received', 'timeout'],
        optional: [],
        loopOutput: 'timeout',
      };
    }
    case 'assessment': {
      const delivery = pick(['sms', 'web-link'] as const, a);
      const intro =
        delivery === 'web-link'
          ? { intro: 'Please answer: {{ assessment.link }}' }
          : b % 2 === 0
            ? { intro: 'A few questions.' }
            : {};
      return {
        step: {
          type: 'assessment',
          questionnaire: structuredClone(pick(QUESTIONNAIRES, c)),
          delivery,
          channel: pick(['sms', 'email'], d),
          connector: 'dev',
          timeout: pick(DURATIONS, e),
          ...intro,
        },
        required: ['completed', 'timeout', 'declined'],
        optional: ['failed'],
        loopOutput: 'timeout',
      };
    }
    case 'split': {
      const mode = a % 3;
      if (mode === 0) {
        const branches = Array.from({ length: 1 + (b % 3) }, (_, k) => ({
          id: `b${k}`,
          when: pick(CONDITIONS, c + k * 7 + d),
        }));
        return {
          step: { type: 'split', split: { mode: 'conditions', branches } },
          required: [...branches.map((x) => x.id), 'else'],
          optional: [],
        };
      }
      if (mode === 1) {
        // Contiguous whole-number bands over 0..9, cut at up to two points.
        const cuts = [...new Set([1 + (c % 9), 1 + (d % 9)])].sort((x, y) => x - y).slice(0, 1 + (e % 2));
        const edges = [0, ...cuts, 10];
        const bands = edges.slice(0, -1).map((min, k) => ({ id: `band${k}`, min, max: edges[k + 1] - 1 }));
        return {
          step: {
            type: 'split',
            split: { mode: 'bands', value: pick(['patient.score', 'assessment.score'], b), bands },
          },
          required: bands.map((x) => x.id),
          optional: ['out-of-range'],
        };
      }
      const n = 2 + (b % 3);
      const cuts = Array.from({ length: n - 1 }, (_, k) => [c, d, e][k] % 101).sort((x, y) => x - y);
      const edges = [0, ...cuts, 100];
      const variants = edges.slice(0, -1).map((lo, k) => ({ id: `v${k}`, percent: edges[k + 1] - lo }));
      return {
        step: { type: 'split', split: { mode: 'random', variants } },
        required: variants.map((v) => v.id),
        optional: [],
      };
    }
    case 'task': {
      const outcomes = Array.from({ length: 1 + (a % 3) }, (_, k) => ({ id: ['reached', 'voicemail', 'refused'][k] }));
      return {
        step: {
          type: 'task',
          queue: 'nurses',
          title: 'Call the patient',
          talkingPoints: ['Ask about side effects'],
          outcomes,
          deadline: pick(DURATIONS, b),
        },
        required: [...outcomes.map((o) => o.id), 'escalated'],
        optional: [],
        loopOutput: 'escalated',
      };
    }
    case 'update': {
      const set = [
        [{ attribute: 'score', value: 'patient.score + 1.0' }],
        [{ attribute: 'plan', value: '"silver"' }],
        [
          { attribute: 'age', value: '50.0' },
          { attribute: 'enrolled', value: 'true' },
        ],
      ][a % 3];
      return {
        step: { type: 'update', set, addTags: f % 2 ? ['touched'] : [], removeTags: [] },
        required: ['next'],
        optional: [],
      };
    }
    case 'goal':
      return { step: { type: 'goal', goal: pick(['engaged', 'refilled'], a) }, required: ['next'], optional: [] };
    case 'exit':
      return { step: { type: 'exit', reason: 'left the program' }, required: [], optional: [] };
    case 'end':
      return { step: { type: 'end' }, required: [], optional: [] };
  }
}

/** The steps the start (`s0`) reaches; the others are dropped. */
function reachableOnly<S extends { outputs: Record<string, string> }>(steps: Record<string, S>): Record<string, S> {
  const reach = new Set<string>();
  const queue = ['s0'];
  while (queue.length) {
    const id = queue.pop()!;
    if (reach.has(id)) continue;
    reach.add(id);
    queue.push(...Object.values(steps[id].outputs));
  }
  return Object.fromEntries(Object.entries(steps).filter(([id]) => reach.has(id)));
}

/** Builds a journey from seeds: forward edges make a DAG; a waiting step may loop back, and the loop target gets `maxVisits`. */
export function buildJourney(
  seeds: StepSeed[],
  settings: typeof settingsSeed extends fc.Arbitrary<infer T> ? T : never,
): unknown {
  const ids = [...seeds.map((_, i) => `s${i}`), 'done', 'bye'];
  const steps: Record<string, Record<string, unknown>> = {};
  const capped = new Map<string, number>();
  seeds.forEach((seed, i) => {
    const id = ids[i];
    const { step, required, optional, loopOutput } = body(id, seed);
    const later = ids.slice(i + 1);
    const outputs: Record<string, string> = {};
    // The first output mostly leads to the next step, so journeys run long; the rest go anywhere later.
    required.forEach((out, k) => {
      outputs[out] = later[(k > 0 || seed.targets[k] % 4 === 0 ? seed.targets[k] : 0) % later.length];
    });
    optional.forEach((out, k) => {
      if (seed.optional[k]) outputs[out] = later[seed.targets[5 - k] % later.length];
    });
    if (loopOutput && seed.back !== null) {
      const target = ids[seed.back! % (i + 1)];
      outputs[loopOutput] = target;
      capped.set(target, 1 + (seed.back! % 3));
    }
    if (seed.maxVisits !== null) step.maxVisits = seed.maxVisits;
    step.outputs = outputs;
    steps[id] = step;
  });
  steps.done = { type: 'end', outputs: {} };
  steps.bye = { type: 'exit', reason: 'goodbye', outputs: {} };
  for (const [target, max] of capped) steps[target].maxVisits = Math.min(Number(steps[target].maxVisits ?? max), max);
  for (const [i, seed] of seeds.entries()) {
    const step = steps[ids[i]];
    if (step.maxVisits !== undefined && seed.optional[2])
      (step.outputs as Record<string, string>).capped = ids[Math.min(i + 1, ids.length - 2)];
  }
  const kept = reachableOnly(steps as Record<string, { outputs: Record<string, string> }>);
  const quiet = {
    start: hhmm(settings.quiet.start, settings.quiet.minutes),
    end: hhmm(settings.quiet.end, 0),
    channels: settings.channels,
  };
  return {
    schemaVersion: 2,
    name: 'Random journey',
    attributes: {
      age: { type: 'number' },
      score: { type: 'number' },
      enrolled: { type: 'boolean' },
      plan: { type: 'string' },
      refillDate: { type: 'date' },
    },
    events: {
      'refill-picked-up': { fields: { days: { type: 'number' } } },
      'appointment-kept': {},
      'opted-out': {},
      'therapy-stopped': { fields: { why: { type: 'string' } } },
    },
    exitCriteria: [
      { id: 'opt-out', event: EXIT_EVENT },
      { id: 'discontinued', event: 'therapy-stopped', when: 'event.why == "discontinued"' },
      { id: 'plan-stopped', when: 'has(patient.plan) && patient.plan == "stop"' },
    ],
    goals: [{ id: 'refilled', event: 'refill-picked-up' }],
    settings: {
      timeZone: settings.zone
        ? { source: 'fixed', zone: settings.zone }
        : { source: 'patient', fallback: settings.fallback },
      quietHours: quiet,
      ...(settings.cap ? { frequencyCap: settings.cap } : {}),
      consentPurpose: 'adherence-support',
    },
    start: 's0',
    steps: kept,
  };
}

/** A random valid journey, already validated (defaults filled in); an invalid one fails loudly with its problems. */
export const journeyArb: fc.Arbitrary<JourneyDocument> = fc
  .record({ seeds: fc.array(stepSeed, { minLength: 1, maxLength: 10 }), settings: settingsSeed })
  .map(({ seeds, settings }) => {
    const raw = buildJourney(seeds, settings) as { steps: Record<string, { outputs: Record<string, string> }> };
    let result = validateJourney(raw);
    // The validator refuses a `capped` exit that leads back into its own loop: drop that exit (the step then ends when capped).
    const loopingBack = result.problems.filter((p) => p.code === 'graph.cap-loops-back' && p.stepId);
    if (loopingBack.length > 0) {
      for (const p of loopingBack) delete raw.steps[p.stepId!].outputs.capped;
      raw.steps = reachableOnly(raw.steps);
      result = validateJourney(raw);
    }
    if (!result.ok)
      throw new Error(
        `generator made an invalid journey:\n${result.problems
          .filter((p) => p.severity === 'error')
          .map((p) => `${p.code} ${p.pointer}: ${p.message}`)
          .join('\n')}\n${JSON.stringify(raw)}`,
      );
    return result.document;
  });
