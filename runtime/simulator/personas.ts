/** The personas file: who the simulated patients are and how they behave (replies, answers, task outcomes, events, delivery failures). */
import { z } from 'zod';
import { DateTime, IANAZone } from 'luxon';
import { isDuration, parseDuration } from '../../schema/duration.js';

const Duration = z.string().max(64).refine(isDuration, 'must be an ISO 8601 duration such as PT2H or P3D');
const Probability = z.number().min(0).max(1);
/** A step id, or `*` (the same as leaving it out) for every step the rule's kind applies to. */
const StepSelector = z.string().min(1).max(100).optional();
/** Only on this visit of the step (1 = the first time); every visit when absent. Lets a persona say "no" once, then "yes" in a loop. */
const VisitSelector = z.number().int().min(1).optional();
const selectors = { step: StepSelector, visit: VisitSelector };

/** Choices whose probabilities add up to more than 1 cannot be drawn from; less than 1 leaves room for silence. */
function atMostOne(choices: Array<{ probability: number }>, ctx: z.RefinementCtx): void {
  const total = choices.reduce((sum, c) => sum + c.probability, 0);
  if (total > 1 + 1e-9)
    ctx.addIssue({
      code: 'custom',
      message: `the probabilities add up to ${total}; they may add up to at most 1 (the rest is silence)`,
    });
}

/** How the patient answers a message that awaits a reply. No rule for a step means silence, so the step times out. */
export const ReplyRule = z.union([
  z.strictObject({ ...selectors, text: z.string().max(1000), after: Duration.default('PT1H') }),
  z.strictObject({
    ...selectors,
    choices: z
      .array(z.strictObject({ text: z.string().max(1000), probability: Probability, after: Duration.optional() }))
      .min(1)
      .max(50)
      .superRefine(atMostOne),
    after: Duration.default('PT1H'),
  }),
  z.strictObject({ ...selectors, never: z.literal(true) }),
]);
export type ReplyRule = z.infer<typeof ReplyRule>;

const AnswerValue = z.union([z.string().max(200), z.number().finite(), z.boolean()]);
/** One item's answer: fixed, or drawn from weighted values (the remainder of the probability is silence). */
const ItemAnswer = z.union([
  AnswerValue,
  z
    .array(z.strictObject({ value: AnswerValue, probability: Probability }))
    .min(1)
    .max(50)
    .superRefine(atMostOne),
]);

/**
 * How the patient answers an assessment. Values are what the patient would type (`"2"`, `"yes"`, an option's code);
 * `*` answers every item not listed. An item with no answer is silence, so the assessment times out.
 */
export const AnswerRule = z.union([
  z.strictObject({
    ...selectors,
    answers: z.record(z.string().min(1).max(255), ItemAnswer),
    after: Duration.default('PT30M'),
  }),
  z.strictObject({ ...selectors, decline: z.literal(true), after: Duration.default('PT30M') }),
  z.strictObject({ ...selectors, never: z.literal(true) }),
]);
export type AnswerRule = z.infer<typeof AnswerRule>;

/** What the care team records on a task. No rule means nobody records an outcome, so the task escalates at its deadline. */
export const TaskRule = z.union([
  z.strictObject({ ...selectors, outcome: z.string().min(1).max(100), after: Duration.default('PT4H') }),
  z.strictObject({
    ...selectors,
    choices: z
      .array(
        z.strictObject({ outcome: z.string().min(1).max(100), probability: Probability, after: Duration.optional() }),
      )
      .min(1)
      .max(50)
      .superRefine(atMostOne),
    after: Duration.default('PT4H'),
  }),
  z.strictObject({ ...selectors, never: z.literal(true) }),
]);
export type TaskRule = z.infer<typeof TaskRule>;

/** Things that happen to the patient, timed from enrollment: a named event (optionally repeating), changed attributes, or an exit request. */
export const ScheduledEvent = z.union([
  z.strictObject({
    name: z.string().min(1).max(100),
    after: Duration,
    payload: z.record(z.string(), z.unknown()).optional(),
    /** Repeat every period after the first, up to `times` occurrences in all (default: until the horizon). */
    every: Duration.optional(),
    times: z.number().int().min(1).max(10_000).optional(),
    /** Each occurrence happens with this probability (a refill picked up 80% of the months). */
    probability: Probability.default(1),
  }),
  z.strictObject({ attributes: z.record(z.string(), z.unknown()), after: Duration }),
  z.strictObject({ exit: z.string().min(1).max(200), after: Duration }),
]);
export type ScheduledEvent = z.infer<typeof ScheduledEvent>;

/** Sends that fail, to exercise `failed` fallbacks. Without a rule every send is delivered. */
export const FailureRule = z.strictObject({
  ...selectors,
  channel: z.string().max(20).optional(),
  fail: z.literal(true),
  probability: Probability.default(1),
  error: z.string().max(200).default('simulated delivery failure'),
});
export type FailureRule = z.infer<typeof FailureRule>;

const TimeZone = z
  .string()
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as America/Chicago');

export const Persona = z.strictObject({
  id: z.string().min(1).max(100),
  description: z.string().max(1000).optional(),
  /** Share of the cohort, relative to the other personas' weights. */
  weight: z.number().positive().finite().default(1),
  /** Branching attributes. A value `{ "fromStart": "P28D" }` becomes the date that long after the patient's enrollment. */
  attributes: z.record(z.string(), z.unknown()).default({}),
  /** The patient's own zone; absent means the journey's fallback zone. */
  timeZone: TimeZone.optional(),
  replies: z.array(ReplyRule).max(200).default([]),
  answers: z.array(AnswerRule).max(200).default([]),
  taskOutcomes: z.array(TaskRule).max(200).default([]),
  events: z.array(ScheduledEvent).max(200).default([]),
  failures: z.array(FailureRule).max(200).default([]),
});
export type Persona = z.infer<typeof Persona>;
export type PersonaInput = z.input<typeof Persona>;

export const PersonasFile = z.strictObject({ personas: z.array(Persona).min(1).max(1000) }).superRefine((file, ctx) => {
  const seen = new Set<string>();
  file.personas.forEach((persona, i) => {
    if (seen.has(persona.id))
      ctx.addIssue({
        code: 'custom',
        path: ['personas', i, 'id'],
        message: `persona id "${persona.id}" is used twice`,
      });
    seen.add(persona.id);
  });
});
export type PersonasFile = z.infer<typeof PersonasFile>;

/** Reads a personas file's JSON value; errors name the path, e.g. `personas/1/replies/0/after: must be an ISO 8601 duration`. */
export function parsePersonas(value: unknown): { ok: true; personas: Persona[] } | { ok: false; errors: string[] } {
  const result = PersonasFile.safeParse(value);
  if (result.success) return { ok: true, personas: result.data.personas };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `${issue.path.join('/') || '(root)'}: ${issue.message}`),
  };
}

/** The persona used when none is given: a patient who never replies, so every wait for a reply times out. */
export const silentPersona: Persona = Persona.parse({ id: 'silent', description: 'never replies, answers or acts' });

/** Resolves `{ fromStart: duration }` attribute values to dates (YYYY-MM-DD in the patient's zone) for one enrollment. */
export function resolveAttributes(
  attributes: Record<string, unknown>,
  start: number,
  zone: string,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const offset = relativeDate(value);
    resolved[key] = offset ? DateTime.fromMillis(start, { zone }).plus(offset).toISODate() : value;
  }
  return resolved;
}

function relativeDate(value: unknown) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const text = (value as { fromStart?: unknown }).fromStart;
  return keys.length === 1 && typeof text === 'string' ? parseDuration(text) : null;
}
