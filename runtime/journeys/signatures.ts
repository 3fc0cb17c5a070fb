/** Electronic signatures (21 CFR Part 11): the signer re-authenticates, states the meaning, and signs the recomputed content hash. */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { signatures, users, versions } from '../db/schema.js';
import { newId, nowIso } from '../db/ids.js';
import { appendAudit } from '../db/audit.js';
import { verifyPassword } from '../people/passwords.js';
import { assertMayTry, recordFailure, throttleKey } from '../people/login-throttle.js';
import { ConflictError, InvalidInputError, RuleViolationError, UnauthenticatedError } from '../errors.js';
import { nextStatus, type VersionStatus } from './lifecycle.js';
import { reviewOutcome, signatureRefusal, type Decision } from './signature-rules.js';
import { auditIntegrityError, checkVersionIntegrity, type IntegrityVerdict } from './integrity.js';
import { getVersion, signatureView, versionEditors, versionRow } from './version-view.js';

export interface SignatureRequest {
  password: string;
  discipline: string;
  decision: Decision;
  /** What the signature means, in the signer's words, e.g. "I approve this content as medically accurate". */
  meaning: string;
  /** Why changes are needed; required to reject. */
  reason?: string;
}

/** Thrown inside the transaction so it rolls back; the integrity error is audited after, outside it. */
class HashMismatch extends Error {
  constructor(readonly verdict: Extract<IntegrityVerdict, { ok: false }>) {
    super(verdict.reason);
  }
}

/**
 * Signs a version for one discipline. Every rule is checked on the server and nothing is half-written: the signature,
 * the version's new status and their audit rows land in one transaction, or none of them does.
 */
export async function signVersion(db: Database, signerId: string, versionId: string, request: SignatureRequest) {
  const meaning = request.meaning.trim();
  const reason = request.reason?.trim();
  if (!meaning) throw new InvalidInputError('meaning-required', '/meaning: state what your signature means.');
  if (request.decision === 'reject' && !reason)
    throw new InvalidInputError('reason-required', '/reason: say what must change when you reject a version.');
  await versionRow(db, versionId);
  const [signer] = await db.select().from(users).where(eq(users.id, signerId));
  if (!signer || signer.disabledAt) throw new UnauthenticatedError('not-logged-in', 'Log in first.');

  // Re-authentication: the password proves the signer is at the keyboard now, not just that a session is open.
  // It is the login password, so wrong guesses here count against the account's login throttle too.
  const throttle = throttleKey('account', signer.email);
  await assertMayTry(db, [throttle]);
  if (!(await verifyPassword(request.password, signer.passwordHash))) {
    await recordFailure(db, [throttle]);
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: signerId,
          action: 'signature.password-refused',
          entityType: 'version',
          entityId: versionId,
          data: { discipline: request.discipline, decision: request.decision },
        }),
      { behavior: 'immediate' },
    );
    throw new UnauthenticatedError('wrong-password', 'The password is not correct; nothing was signed.');
  }

  try {
    await db.transaction(
      async (tx) => {
        const row = await versionRow(tx, versionId);
        const existing = (await tx.select().from(signatures).where(eq(signatures.versionId, versionId))).map(
          signatureView,
        );
        const refusal = signatureRefusal(
          { id: signer.id, roles: signer.roles, discipline: signer.discipline },
          {
            status: row.status as VersionStatus,
            editors: versionEditors(row),
            requiredDisciplines: row.requiredDisciplines ?? [],
            signatures: existing,
          },
          request.discipline,
        );
        if (refusal)
          throw refusal.kind === 'forbidden'
            ? new RuleViolationError(refusal.code, refusal.message)
            : new ConflictError(refusal.code, refusal.message);

        // The hash signed is recomputed from the stored document now, not taken from the row on trust.
        const verdict = await checkVersionIntegrity(tx, row);
        if (!verdict.ok) throw new HashMismatch(verdict);

        const signature = {
          id: newId('sig'),
          versionId,
          userId: signer.id,
          printedName: signer.name,
          discipline: request.discipline,
          decision: request.decision,
          meaning,
          reason: reason ?? null,
          contentHash: verdict.contentHash,
          signedAt: nowIso(),
        };
        await tx.insert(signatures).values(signature);
        await appendAudit(tx, {
          actor: signer.id,
          action: `signature.${request.decision === 'approve' ? 'approved' : 'rejected'}`,
          entityType: 'version',
          entityId: versionId,
          data: {
            signatureId: signature.id,
            printedName: signature.printedName,
            discipline: signature.discipline,
            decision: signature.decision,
            meaning: signature.meaning,
            ...(reason ? { reason } : {}),
            contentHash: signature.contentHash,
            signedAt: signature.signedAt,
          },
        });

        const outcome = reviewOutcome(row.requiredDisciplines ?? [], [...existing, signature]);
        if (outcome === 'pending') return;
        const action = outcome === 'approved' ? 'approve' : 'request-changes';
        const next = nextStatus(row.status as VersionStatus, action);
        if (!next.ok) throw new ConflictError(next.code, next.message);
        await tx
          .update(versions)
          .set({ status: next.status, ...(outcome === 'approved' ? { approvedAt: signature.signedAt } : {}) })
          .where(eq(versions.id, versionId));
        await appendAudit(tx, {
          actor: signer.id,
          action: `version.${action}`,
          entityType: 'version',
          entityId: versionId,
          data: {
            from: row.status,
            to: next.status,
            contentHash: row.contentHash,
            ...(reason && outcome === 'changes-requested' ? { reason } : {}),
          },
        });
      },
      { behavior: 'immediate' },
    );
  } catch (error) {
    if (!(error instanceof HashMismatch)) throw error;
    await auditIntegrityError(db, versionId, error.verdict, { actor: signerId, where: 'signature' });
    throw new ConflictError(
      'content-hash-mismatch',
      `The stored document of this version no longer matches its content hash (${error.verdict.reason}); nothing was signed.`,
    );
  }
  const version = await getVersion(db, versionId);
  const signature = version.signatures.find((s) => s.userId === signerId)!;
  return { signature, version };
}
