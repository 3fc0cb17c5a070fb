/** A journey's test patients (patients marked test, enrolled from the designer), newest first, so any of them can be reopened. */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, journeys, patients, users, versions } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import type { TestEnrollment } from '../api/schemas/test-enrollment.js';

/** A designer lists the recent ones; older test runs are still in the Patients screen. */
export const TEST_ENROLLMENT_LIMIT = 100;

export async function listTestEnrollments(
  db: Database,
  journeyId: string,
  filter: { enrolledBy?: string; versionId?: string },
): Promise<TestEnrollment[]> {
  const [journey] = await db.select({ id: journeys.id }).from(journeys).where(eq(journeys.id, journeyId));
  if (!journey) throw NotFoundError.of('journey', journeyId);
  const conditions: SQL[] = [eq(enrollments.journeyId, journeyId), eq(patients.test, true)];
  if (filter.enrolledBy) conditions.push(eq(enrollments.enrolledBy, filter.enrolledBy));
  if (filter.versionId) conditions.push(eq(enrollments.versionId, filter.versionId));
  const rows = await db
    .select({
      enrollment: enrollments,
      versionNumber: versions.number,
      patientName: patients.name,
      enrolledByName: users.name,
    })
    .from(enrollments)
    .innerJoin(patients, eq(patients.id, enrollments.patientId))
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .leftJoin(users, eq(users.id, enrollments.enrolledBy))
    .where(and(...conditions))
    .orderBy(desc(enrollments.startedAt), desc(enrollments.id))
    .limit(TEST_ENROLLMENT_LIMIT);
  return rows.map(({ enrollment: e, versionNumber, patientName, enrolledByName }) => ({
    id: e.id,
    versionId: e.versionId,
    versionNumber,
    patientId: e.patientId,
    patientName,
    status: e.status as TestEnrollment['status'],
    ...(e.reason ? { reason: e.reason } : {}),
    startedAt: e.startedAt,
    ...(e.endedAt ? { endedAt: e.endedAt } : {}),
    enrolledBy: e.enrolledBy ? { id: e.enrolledBy, name: enrolledByName ?? e.enrolledBy } : null,
  }));
}
