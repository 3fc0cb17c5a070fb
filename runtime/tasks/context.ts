/** What a nurse sees beside a task: the patient, the enrollment, recent messages both ways, assessment answers with scores, earlier tasks. */
import { and, desc, eq, ne } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { assessmentResponses, enrollments, messages, patients, tasks } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { ResponseItem, QuestionnaireResponse } from '../../schema/fhir/response.js';
import type { TaskDetail } from '../api/schemas/task.js';
import { loadTasks } from './view.js';

/** Enough history for a call without scrolling through months of reminders. */
const RECENT_MESSAGES = 20;
const RECENT_ASSESSMENTS = 5;

/** Question and answer pairs of a QuestionnaireResponse, nested groups flattened, in the order asked. */
export function answerLines(items: ResponseItem[] = []): { question: string; answer: string }[] {
  return items.flatMap((item) => {
    const own = (item.answer ?? []).map((answer) => {
      const value =
        'valueCoding' in answer
          ? (answer.valueCoding.display ?? answer.valueCoding.code ?? '')
          : 'valueInteger' in answer
            ? String(answer.valueInteger)
            : 'valueDecimal' in answer
              ? String(answer.valueDecimal)
              : 'valueString' in answer
                ? answer.valueString
                : answer.valueBoolean
                  ? 'yes'
                  : 'no';
      return { question: item.text ?? item.linkId, answer: value };
    });
    return [...own, ...answerLines(item.item)];
  });
}

export async function taskDetail(db: Database, id: string, now = Date.now()): Promise<TaskDetail> {
  const [task] = await loadTasks(db, eq(tasks.id, id), now);
  if (!task) throw NotFoundError.of('task', id);
  const [row] = await db
    .select({ patient: patients, enrollment: enrollments })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .where(eq(enrollments.id, task.enrollmentId));

  const recentMessages = await db
    .select()
    .from(messages)
    .where(eq(messages.patientId, row.patient.id))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(RECENT_MESSAGES);
  const responses = await db
    .select()
    .from(assessmentResponses)
    .where(eq(assessmentResponses.enrollmentId, task.enrollmentId))
    .orderBy(desc(assessmentResponses.createdAt))
    .limit(RECENT_ASSESSMENTS);
  const earlier = await db
    .select()
    .from(tasks)
    .where(and(eq(tasks.enrollmentId, task.enrollmentId), ne(tasks.id, task.id)))
    .orderBy(desc(tasks.createdAt));

  return {
    task,
    context: {
      patient: {
        id: row.patient.id,
        name: row.patient.name,
        phone: row.patient.phone,
        email: row.patient.email,
        timeZone: row.patient.timeZone,
      },
      enrollment: { id: row.enrollment.id, status: row.enrollment.status, startedAt: row.enrollment.startedAt },
      step: { id: task.stepId, title: task.title },
      messages: recentMessages.map((m) => ({
        id: m.id,
        direction: m.direction as 'outbound' | 'inbound',
        channel: m.channel,
        stepId: m.stepId,
        body: m.body,
        status: m.status,
        createdAt: m.createdAt,
      })),
      assessments: responses.map((r) => {
        const response = r.response as QuestionnaireResponse | null;
        return {
          stepId: r.stepId,
          score: r.score,
          status: response?.status ?? 'completed',
          answers: answerLines(response?.item),
          createdAt: r.createdAt,
        };
      }),
      earlierTasks: earlier.map((t) => ({
        id: t.id,
        title: t.title,
        stepId: t.stepId,
        status: t.status as TaskDetail['task']['status'],
        outcome: t.outcome,
        note: t.note,
        closedAt: t.closedAt,
        cancelReason: t.cancelReason,
      })),
    },
  };
}
