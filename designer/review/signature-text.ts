/** The words of an electronic signature: the meaning prefilled per discipline and decision, and server refusals said plainly. */
import { ApiError } from '../api/client.js';
import type { Discipline } from '../api/review.js';

const scope: Record<Discipline, string> = {
  medical: 'medical and scientific accuracy, fair balance and safety information',
  legal: 'legal and privacy compliance, claims and consent wording',
  regulatory: 'regulatory compliance with the approved labelling and program rules',
};

/** What the signer states by signing; prefilled, and the signer may edit it. */
export function defaultMeaning(discipline: Discipline, decision: 'approve' | 'reject'): string {
  return decision === 'approve'
    ? `I have reviewed this version for ${scope[discipline]}, and I approve it for use with patients.`
    : `I have reviewed this version for ${scope[discipline]}, and I do not approve it: changes are needed.`;
}

/** A refusal of the server as a sentence the signer can act on; nothing was signed in any of them. */
export function signatureErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'wrong-password':
      return 'That password is not right. Nothing was signed: enter the password you log in with.';
    case 'signer-edited-version':
      return 'You authored or edited this version, so you cannot sign it. Nothing was signed: another reviewer must.';
    case 'already-signed-by-you':
      return 'You have already signed this version. Each person signs a version once.';
    case 'discipline-already-signed':
      return `Someone has already signed this version for this discipline. Nothing was signed. ${error.message}`;
    case 'version-not-in-review':
      return `This version is no longer waiting for review, so it cannot be signed. ${error.message}`;
    case 'content-hash-mismatch':
      return 'The stored content of this version no longer matches the hash it was submitted with. Nothing was signed; tell an administrator.';
    default:
      return error.message;
  }
}
