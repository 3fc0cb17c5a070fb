/** One-line readings of steps for canvas nodes ("Next 09:00 local, Mon/Wed"), pure so they are tested without a canvas. */
import { summarizeQuestionnaire } from './questionnaire-summary.js';
import { describeDuration, isDuration, type Step, type WaitSpec } from '../../schema/index.js';

type Of<T extends Step['type']> = Omit<Extract<Step, { type: T }>, 'outputs'>;
/** A step as a canvas node holds it, without outputs; distributive, unlike `Omit<Step, 'outputs'>`, so it narrows on `type`. */
export type StepSansOutputs = { [T in Step['type']]: Of<T> }[Step['type']];

const dayNames: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** A wait in words: "Wait 2 days", "Next 09:00 local, Mon/Wed", "3 days before refillDueDate at 10:00". */
export function describeWait(wait: WaitSpec): string {
  switch (wait.kind) {
    case 'duration':
      return `Wait ${describeDuration(wait.duration)}`;
    case 'time-of-day': {
      const days =
        wait.weekdays && wait.weekdays.length > 0 && wait.weekdays.length < 7
          ? `, ${wait.weekdays.map((d) => dayNames[d] ?? d).join('/')}`
          : '';
      return `Next ${wait.time} local${days}`;
    }
    case 'attribute-date': {
      const time = wait.time ?? '09:00';
      const attribute = wait.attribute || '(no attribute)';
      if (!wait.offset || !isDuration(wait.offset)) return `On ${attribute} at ${time}`;
      const negative = wait.offset.startsWith('-');
      const amount = describeDuration(negative ? wait.offset.slice(1) : wait.offset);
      if (amount === '0 seconds') return `On ${attribute} at ${time}`;
      return `${amount} ${negative ? 'before' : 'after'} ${attribute} at ${time}`;
    }
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function describeAssessment(step: Of<'assessment'>): string {
  const summary = summarizeQuestionnaire(step.questionnaire);
  return `${summary.title} · ${step.delivery === 'web-link' ? 'web link' : 'SMS'} · ${plural(summary.questions, 'question')}`;
}

export function describeSplit(step: Of<'split'>): string {
  const rule = step.split;
  if (rule.mode === 'conditions')
    return `First match of ${plural(rule.branches.length, 'condition')}: ${rule.branches.map((b) => b.label || b.id).join(', ')}, else`;
  if (rule.mode === 'bands')
    return `Bands on ${rule.value ?? 'assessment.score'}: ${rule.bands.map((b) => `${b.label || b.id} ${b.min}–${b.max}`).join(', ')}`;
  return `Random: ${rule.variants.map((v) => `${v.label || v.id} ${v.percent}%`).join(', ')}`;
}

export function describeTask(step: Of<'task'>): string {
  const deadline = isDuration(step.deadline) ? describeDuration(step.deadline) : step.deadline;
  return `${step.queue}: ${step.title} · within ${deadline}`;
}

export function describeUpdate(step: Of<'update'>): string {
  const parts = [
    ...(step.set ?? []).map((s) => `set ${s.attribute || '?'}`),
    ...(step.addTags ?? []).map((t) => `tag ${t}`),
    ...(step.removeTags ?? []).map((t) => `untag ${t}`),
  ];
  return parts.length ? parts.join(', ') : 'Changes nothing yet';
}

export function describeWaitForEvent(step: Of<'wait-for-event'>): string {
  const timeout = isDuration(step.timeout) ? describeDuration(step.timeout) : step.timeout;
  return `${step.event || '(no event)'}${step.filter ? ' (filtered)' : ''} · up to ${timeout}`;
}

/** The summary line of any step, or undefined when the node shows its own. */
export function describeStep(step: StepSansOutputs): string | undefined {
  switch (step.type) {
    case 'wait':
      return describeWait(step.wait);
    case 'wait-for-event':
      return describeWaitForEvent(step);
    case 'assessment':
      return describeAssessment(step);
    case 'split':
      return describeSplit(step);
    case 'task':
      return describeTask(step);
    case 'update':
      return describeUpdate(step);
    case 'goal':
      return `Goal: ${step.goal}`;
    case 'exit':
      return `Exits: ${step.reason}`;
    case 'end':
      return 'Enrollment completes';
    default:
      return undefined;
  }
}
