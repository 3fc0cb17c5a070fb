/** The rules of an electronic signature on a version, as pure functions: who may sign, and what the signatures add up to. */
import type { VersionStatus } from './lifecycle.js';
import { DISCIPLINES, type Discipline } from '../people/roles.js';

export { DISCIPLINES, type Discipline };

export const isDiscipline = (value: unknown): value is Discipline => DISCIPLINES.includes(value as Discipline);

export type Decision = 'approve' | 'reject';

export interface SignerFacts {
  id: string;
  roles: readonly string[];
  /** The discipline the user reviews for, if they are a compliance reviewer. */
  discipline: string | null;
}

export interface VersionFacts {
  status: VersionStatus;
  /** Everyone who authored or edited the version's content. */
  editors: readonly string[];
  requiredDisciplines: readonly string[];
  signatures: ReadonlyArray<{ userId: string; discipline: string; decision: Decision }>;
}

/** A broken rule: `forbidden` rules are about the person (403), `conflict` rules about the version's state (409). */
export interface SignatureRefusal {
  kind: 'forbidden' | 'conflict';
  code: string;
  message: string;
}

/**
 * The first rule that forbids `signer` to sign `version` for `discipline`, or null when they may.
 * Roles grant nothing here: an admin who edited the version is refused like anyone else.
 */
export function signatureRefusal(
  signer: SignerFacts,
  version: VersionFacts,
  discipline: string,
): SignatureRefusal | null {
  if (!signer.roles.includes('compliance-reviewer') || signer.discipline !== discipline)
    return {
      kind: 'forbidden',
      code: 'not-a-reviewer-for-discipline',
      message: `Only a compliance reviewer for ${discipline} can sign for ${discipline}; ${
        signer.discipline && signer.roles.includes('compliance-reviewer')
          ? `you review for ${signer.discipline}`
          : 'you hold no review discipline'
      }.`,
    };
  if (version.editors.includes(signer.id))
    return {
      kind: 'forbidden',
      code: 'signer-edited-version',
      message: 'Nobody who authored or edited a version can sign it, whatever roles they hold; you edited this one.',
    };
  if (version.status !== 'submitted')
    return {
      kind: 'conflict',
      code: 'version-not-in-review',
      message: `Only a version submitted for review can be signed; this version is ${version.status}.`,
    };
  if (!version.requiredDisciplines.includes(discipline))
    return {
      kind: 'conflict',
      code: 'discipline-not-required',
      message: `This version needs signatures for ${version.requiredDisciplines.join(', ')} only, not ${discipline}.`,
    };
  if (version.signatures.some((s) => s.userId === signer.id))
    return {
      kind: 'conflict',
      code: 'already-signed-by-you',
      message: 'You have already signed this version; each person signs a version once.',
    };
  if (version.signatures.some((s) => s.discipline === discipline))
    return {
      kind: 'conflict',
      code: 'discipline-already-signed',
      message: `This version has already been signed for ${discipline}.`,
    };
  return null;
}

/** What the signatures so far decide: any rejection sends the version back; approval needs every required discipline. */
export function reviewOutcome(
  requiredDisciplines: readonly string[],
  signatures: ReadonlyArray<{ discipline: string; decision: Decision }>,
): 'approved' | 'changes-requested' | 'pending' {
  if (signatures.some((s) => s.decision === 'reject')) return 'changes-requested';
  const approved = new Set(signatures.filter((s) => s.decision === 'approve').map((s) => s.discipline));
  return requiredDisciplines.every((d) => approved.has(d)) ? 'approved' : 'pending';
}

/** The disciplines still to sign a submitted version. */
export function awaitedDisciplines(
  requiredDisciplines: readonly string[],
  signatures: ReadonlyArray<{ discipline: string }>,
): string[] {
  return requiredDisciplines.filter((d) => !signatures.some((s) => s.discipline === d));
}
