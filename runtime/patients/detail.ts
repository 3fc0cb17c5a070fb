/** A patient as the care team looks them up: search by name, phone or email; and one patient's contacts with their state, consents, enrollments, messages both ways, assessment scores and tasks. */
import { desc, eq, inArray, or, sql, type AnyColumn } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import {
  addressOptOuts,
  assessmentResponses,
  consents,
  enrollments,
  journeys,
  messages,
  patients,
  tasks,
  versions,
} from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { patientView } from './repository.js';

export const SEARCH_LIMIT = 100;
/** The newest messages shown on a patient; older ones stay in the database. */
export const MESSAGE_LIMIT = 200;

/** `column` contains `text` literally: LIKE with % and _ escaped, so a search for "100%" means those four characters. */
const containing = (column: AnyColumn, text: string) =>
  sql`${column} LIKE ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;

export async function searchPatients(db: Database, query: string) {
  const q = query.trim();
  const digits = q.replace(/[^\d]/g, '');
  const rows = await db
    .select()
    .from(patients)
    .where(
      q === ''
        ? undefined
        : or(
            containing(patients.name, q),
            containing(patients.email, q.toLowerCase()),
            ...(digits.length >= 3 ? [containing(patients.phone, digits)] : []),
          ),
    )
    .orderBy(desc(patients.createdAt))
    .limit(SEARCH_LIMIT);
  return rows.map(patientView);
}

export async function patientDetail(db: Database, id: string) {
  const [row] = await db.select().from(patients).where(eq(patients.id, id));
  if (!row) throw NotFoundError.of('patient', id);
  const addresses = [row.phone, row.email].filter((a): a is string => !!a);
  const optOuts = addresses.length
    ? await db.select().from(addressOptOuts).where(inArray(addressOptOuts.address, addresses))
    : [];
  const contact = (address: string | null, problem: string | null, problemAt: string | null) => {
    if (!address) return undefined;
    const optOut = optOuts.find((o) => o.address === address);
    return {
      address,
      state: optOut ? ('opted-out' as const) : problem ? ('bad' as const) : ('ok' as const),
      ...(optOut ? { optedOutAt: optOut.optedOutAt, keyword: optOut.keyword } : {}),
      ...(problem ? { problem, problemAt: problemAt ?? undefined } : {}),
    };
  };
  const enrolled = await db
    .select({
      id: enrollments.id,
      journeyName: journeys.name,
      versionId: enrollments.versionId,
      versionNumber: versions.number,
      status: enrollments.status,
      reason: enrollments.reason,
      startedAt: enrollments.startedAt,
      endedAt: enrollments.endedAt,
    })
    .from(enrollments)
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .innerJoin(journeys, eq(journeys.id, enrollments.journeyId))
    .where(eq(enrollments.patientId, id))
    .orderBy(desc(enrollments.startedAt));
  const enrollmentIds = enrolled.map((e) => e.id);
  const [messageRows, consentRows, responses, taskRows] = await Promise.all([
    db.select().from(messages).where(eq(messages.patientId, id)).orderBy(desc(messages.createdAt)).limit(MESSAGE_LIMIT),
    db.select().from(consents).where(eq(consents.patientId, id)).orderBy(desc(consents.recordedAt)),
    enrollmentIds.length
      ? db
          .select()
          .from(assessmentResponses)
          .where(inArray(assessmentResponses.enrollmentId, enrollmentIds))
          .orderBy(desc(assessmentResponses.createdAt))
      : [],
    enrollmentIds.length
      ? db.select().from(tasks).where(inArray(tasks.enrollmentId, enrollmentIds)).orderBy(desc(tasks.dueAt))
      : [],
  ]);
  return {
    patient: patientView(row),
    contacts: {
      phone: contact(row.phone, row.phoneProblem, row.phoneProblemAt),
      email: contact(row.email, row.emailProblem, row.emailProblemAt),
    },
    consents: consentRows.map((c) => ({
      channel: c.channel,
      purpose: c.purpose,
      status: c.status,
      source: c.source,
      recordedAt: c.recordedAt,
    })),
    enrollments: enrolled.map(({ reason, endedAt, ...e }) => ({
      ...e,
      ...(reason ? { reason } : {}),
      ...(endedAt ? { endedAt } : {}),
    })),
    messages: messageRows.map((m) => ({
      id: m.id,
      direction: m.direction,
      channel: m.channel,
      stepId: m.stepId ?? undefined,
      ...(m.subject ? { subject: m.subject } : {}),
      body: m.body,
      status: m.deliveryStatus ?? m.status,
      createdAt: m.createdAt,
    })),
    assessments: responses.map((r) => ({
      enrollmentId: r.enrollmentId,
      stepId: r.stepId,
      score: r.score,
      createdAt: r.createdAt,
    })),
    tasks: taskRows.map((t) => ({
      id: t.id,
      enrollmentId: t.enrollmentId,
      title: t.title,
      queue: t.queue,
      status: t.status,
      ...(t.outcome ? { outcome: t.outcome } : {}),
      ...(t.cancelReason ? { cancelReason: t.cancelReason } : {}),
      dueAt: t.dueAt,
    })),
  };
}
