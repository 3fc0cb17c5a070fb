/** Why the logged-in user may not sign a version, said before they try; the server enforces the same rules and has the last word. */
import type { ReviewedVersion } from '../api/review.js';

interface Signer {
  id: string;
  roles: readonly string[];
}

export function signingBlock(
  version: Pick<ReviewedVersion, 'editors' | 'signatures'>,
  user: Signer,
): string | undefined {
  if (!user.roles.includes('compliance-reviewer')) return 'Only compliance reviewers sign versions.';
  // Whatever else they hold: an admin or manager who edited the content is refused like anyone else.
  if (version.editors?.some((e) => e.id === user.id))
    return 'You authored or edited this version, so you cannot sign it: another reviewer must.';
  if (version.signatures?.some((s) => s.userId === user.id)) return 'You have signed this version.';
  return undefined;
}
