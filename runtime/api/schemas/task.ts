/** Tasks for the care team: a queue's work with its deadline, the patient's context, and what a nurse records. */
import { z } from '@hono/zod-openapi';

/** `cancelled`: the enrollment ended before anyone recorded an outcome; `cancelReason` says how. */
export const TASK_STATUSES = ['open', 'escalated', 'closed', 'cancelled'] as const;
export const TaskStatus = z.enum(TASK_STATUSES).openapi('TaskStatus');

const Ref = z.object({ id: z.string(), name: z.string() });

export const TaskOutcomeOption = z.object({ id: z.string(), label: z.string() }).openapi('TaskOutcomeOption');

export const Task = z
  .object({
    id: z.string(),
    queue: z.string(),
    title: z.string(),
    stepId: z.string(),
    visit: z.number().int(),
    status: TaskStatus,
    /** True once the deadline has passed without an outcome, even before the journey has moved it. */
    escalated: z.boolean(),
    dueAt: z.string(),
    secondsLeft: z
      .number()
      .int()
      .openapi({ description: 'Seconds until the deadline at the time of the answer; negative once it has passed' }),
    talkingPoints: z.array(z.string()),
    outcomes: z.array(TaskOutcomeOption),
    patient: Ref,
    journey: Ref,
    version: z.object({ id: z.string(), number: z.number().int() }),
    enrollmentId: z.string(),
    claimedBy: Ref.nullable(),
    claimedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    note: z.string().nullable(),
    closedBy: Ref.nullable(),
    closedAt: z.string().nullable(),
    /** Why the task was cancelled without an outcome (its enrollment ended); null otherwise. */
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Task');
export type Task = z.infer<typeof Task>;

export const TaskQueueSummary = z
  .object({ queue: z.string(), open: z.number().int(), escalated: z.number().int() })
  .openapi('TaskQueueSummary');

export const TaskQuery = z.object({
  queue: z.string().min(1).max(100).optional().openapi({ description: 'Only this queue' }),
});

export const TaskList = z
  .object({
    queues: z.array(TaskQueueSummary),
    /** Open tasks within their deadline, soonest deadline first. */
    tasks: z.array(Task),
    /** Tasks past their deadline, apart: in their escalation queue, oldest deadline first. */
    escalated: z.array(Task),
  })
  .openapi('TaskList');

const ContextMessage = z.object({
  id: z.string(),
  direction: z.enum(['outbound', 'inbound']),
  channel: z.string(),
  stepId: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

const ContextAssessment = z.object({
  stepId: z.string(),
  score: z.number(),
  status: z.string(),
  answers: z.array(z.object({ question: z.string(), answer: z.string() })),
  createdAt: z.string(),
});

const ContextTask = z.object({
  id: z.string(),
  title: z.string(),
  stepId: z.string(),
  status: TaskStatus,
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const TaskDetail = z
  .object({
    task: Task,
    context: z.object({
      patient: z.object({
        id: z.string(),
        name: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        timeZone: z.string(),
      }),
      enrollment: z.object({ id: z.string(), status: z.string(), startedAt: z.string() }),
      step: z.object({ id: z.string(), title: z.string() }),
      /** The patient's latest messages both ways, newest first. */
      messages: z.array(ContextMessage),
      /** Assessment responses of this enrollment with their scores, newest first. */
      assessments: z.array(ContextAssessment),
      /** Earlier tasks of this enrollment, newest first. */
      earlierTasks: z.array(ContextTask),
    }),
  })
  .openapi('TaskDetail');
export type TaskDetail = z.infer<typeof TaskDetail>;

export const TaskAnswer = z.object({ task: Task }).openapi('TaskAnswer');

export const TaskOutcomeInput = z
  .strictObject({
    outcome: z.string().trim().min(1).max(100).openapi({ description: "One of the step's outcomes, e.g. reached" }),
    note: z.string().trim().max(2000).optional(),
  })
  .openapi('TaskOutcomeInput');
export type TaskOutcomeInput = z.infer<typeof TaskOutcomeInput>;

export const TaskCompletion = z
  .object({
    task: Task,
    /** Where the journey went; null when the task had escalated and the journey had already moved on. */
    journey: z.object({ output: z.string(), step: z.string().nullable(), status: z.string() }).nullable(),
  })
  .openapi('TaskCompletion');
