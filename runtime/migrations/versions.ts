/** The two versions of a migration, checked: same journey, the target later, approved or published, and still the content that was approved. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { versions } from '../db/schema.js';
import { ConflictError, IntegrityError, NotFoundError, UnprocessableError } from '../errors.js';
import { auditIntegrityError, checkVersionIntegrity } from '../journeys/integrity.js';
import { prepareDefinition } from '../engine/definition.js';

/** Patients move only into a version whose content reviewers signed. */
const TARGET_STATUSES = ['approved', 'published'];

export async function migrationVersions(db: Database, actor: string, fromVersionId: string, toVersionId: string) {
  const [to] = await db.select().from(versions).where(eq(versions.id, toVersionId));
  if (!to) throw NotFoundError.of('version', toVersionId);
  const [from] = await db.select().from(versions).where(eq(versions.id, fromVersionId));
  if (!from) throw NotFoundError.of('version', fromVersionId);
  if (from.journeyId !== to.journeyId)
    throw new UnprocessableError(
      'migration-other-journey',
      `fromVersionId: version ${from.number} belongs to another journey; patients move only between versions of one journey.`,
    );
  if (to.number <= from.number)
    throw new UnprocessableError(
      'migration-not-later',
      `fromVersionId: patients move only to a later version, and version ${to.number} is not later than version ${from.number}.`,
    );
  if (!TARGET_STATUSES.includes(to.status))
    throw new ConflictError(
      'migration-target-not-approved',
      `Version ${to.number} is ${to.status}; patients move only to an approved or published version.`,
    );
  const integrity = await checkVersionIntegrity(db, to);
  if (!integrity.ok) {
    await auditIntegrityError(db, to.id, integrity, { actor, where: 'migration' });
    throw new IntegrityError(
      'version-integrity',
      `Version ${to.number} no longer matches its approval (${integrity.reason}); nobody moves to it.`,
    );
  }
  return {
    from,
    to,
    fromDocument: prepareDefinition(from.document),
    toDocument: prepareDefinition(to.document),
  };
}

export type MigrationVersions = Awaited<ReturnType<typeof migrationVersions>>;
