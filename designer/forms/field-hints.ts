/** Hints under generated fields. The journey language documents its fields in JSDoc, which zod's JSON Schema cannot carry, so the gist is kept here. */
import type { FieldSpec, ObjectSpec } from './form-spec.js';

const hints: Record<string, string> = {
  maxVisits: 'Loop cap: entering the step more often takes the optional "capped" output (or ends the enrollment).',
  note: 'For reviewers and colleagues; never sent.',
  consentPurpose: 'Overrides the journey’s consent purpose for this step.',
  delivery:
    'sms: one question per message; web-link: one message with a form link ({{ assessment.link }} in the intro).',
  intro: 'Sent before the first question, or as the link message.',
  declineWords: 'Replies that mean the patient declines to answer.',
  filter: 'CEL over event, patient and now; the event counts only when it holds.',
  when: 'A CEL condition, e.g. patient.age >= 65.',
  value: 'A CEL expression, e.g. "high", or assessment.score (the latest assessment’s score).',
  queue: 'The care-team queue that works the task, e.g. nurses.',
  talkingPoints: 'Approved points shown to the nurse on the call.',
  outcomes: 'What the nurse can record; each outcome is an output.',
  goal: 'The goal’s name, as counted in conversion reports.',
  reason: 'Recorded with the exit, e.g. opted out.',
  reentry: 'Whether a patient who has been through the journey may enroll again.',
  exitCriteria: 'Checked on every event: the enrollment exits at once, even inside a long wait.',
  goals: 'Conversion events, counted once per enrollment.',
  fallback: 'Used when the patient’s record has no time zone (IANA name, e.g. America/Chicago).',
  zone: 'An IANA time zone, e.g. America/Chicago.',
  period: 'A rolling window as an ISO 8601 duration, e.g. P7D.',
  smsSegmentBudget: 'How many SMS segments one message may take.',
  percent: 'Percentages of all variants add up to 100.',
};

/** What one row of a list is called where the property name does not say it ("Add add tag"). */
const rowLabels: Record<string, string> = {
  set: 'Assignment',
  addTags: 'Tag to add',
  removeTags: 'Tag to remove',
  exitCriteria: 'Exit criterion',
};

/** The spec with hints on every property that has one, at any depth. */
export function withHints<T extends FieldSpec>(spec: T): T {
  switch (spec.kind) {
    case 'object':
      return {
        ...spec,
        properties: (spec as ObjectSpec).properties.map((p) => ({
          ...p,
          spec: withRowLabel(withHints(p.spec), rowLabels[p.name]),
          ...(p.description || !hints[p.name] ? {} : { description: hints[p.name] }),
        })),
      };
    case 'union':
      return { ...spec, options: spec.options.map((o) => ({ ...o, spec: withHints(o.spec) })) };
    case 'list':
      return { ...spec, items: withHints(spec.items) };
    case 'record':
      return { ...spec, values: withHints(spec.values) };
    default:
      return spec;
  }
}

function withRowLabel(spec: FieldSpec, rowLabel: string | undefined): FieldSpec {
  return rowLabel && (spec.kind === 'list' || spec.kind === 'record') ? { ...spec, rowLabel } : spec;
}
