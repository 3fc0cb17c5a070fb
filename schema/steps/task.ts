/** The task step: a human task for a care-team queue, with approved talking points, outcomes as outputs, and a service-level deadline. */
import { z } from 'zod';
import { DurationText, OutputName } from '../ids.js';
import { stepBase, type StepKind } from './common.js';
import { isPositiveDuration } from '../duration.js';
import type { Problem } from '../problems.js';

export const TaskStep = z.strictObject({
  type: z.literal('task'),
  ...stepBase,
  /** The queue that works it, e.g. `nurses` or `pharmacists`. */
  queue: z.string().min(1).max(100),
  /** The queue a task moves to when its deadline passes (e.g. `nurse-leads`); without one it stays in `queue`, shown apart as escalated. */
  escalationQueue: z.string().min(1).max(100).optional(),
  title: z.string().min(1).max(200),
  /** Approved talking points shown to the nurse while on the call. */
  talkingPoints: z.array(z.string().max(1000)).max(30).default([]),
  /** What the nurse can record; each outcome is an output. */
  outcomes: z
    .array(z.strictObject({ id: OutputName, label: z.string().max(200).optional() }))
    .min(1)
    .max(20),
  /** Service level: without an outcome by then, the task is escalated and the journey takes `escalated`. */
  deadline: DurationText,
});
export type TaskStep = z.infer<typeof TaskStep>;

export const taskKind: StepKind<TaskStep> = {
  type: 'task',
  label: 'Task',
  requiredOutputs: (step) => [...step.outcomes.map((o) => o.id), 'escalated'],
  optionalOutputs: () => [],
  waits: () => true,
  check(step, { at, stepId }) {
    const problems: Problem[] = [];
    if (!isPositiveDuration(step.deadline)) {
      problems.push({
        code: 'task.invalid-deadline',
        pointer: `${at}/deadline`,
        stepId,
        severity: 'error',
        message: `Step "${stepId}": the deadline "${step.deadline}" is not a duration such as PT4H.`,
      });
    }
    const ids = step.outcomes.map((o) => o.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i || id === 'escalated' || id === 'capped') {
        problems.push({
          code: 'task.duplicate-outcome',
          pointer: `${at}/outcomes/${i}/id`,
          stepId,
          severity: 'error',
          message: `Step "${stepId}": outcome "${id}" is used twice or is a reserved output name.`,
        });
      }
    });
    return problems;
  },
  create: () => ({
    type: 'task',
    queue: 'nurses',
    title: 'Call the patient',
    talkingPoints: [],
    outcomes: [{ id: 'reached' }, { id: 'voicemail' }, { id: 'declined' }],
    deadline: 'PT8H',
    outputs: {},
  }),
};
