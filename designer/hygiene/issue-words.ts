/** How the contact-hygiene screen names each kind of issue, for a program manager cleaning a list. */
import type { ContactIssue, HygieneReport } from './hygiene-api.js';

export const ISSUE_LABELS: Record<ContactIssue['issue'], string> = {
  bad: 'Not working',
  'opted-out': 'Opted out',
  missing: 'Missing',
  shared: 'Shared with another patient',
};

/** The report's scope as a heading: "All patients", "Refill reminder (all versions)", "Refill reminder v2". */
export function scopeTitle(scope: HygieneReport['scope']): string {
  if (scope.kind === 'version') return `${scope.journeyName} v${scope.versionNumber}`;
  if (scope.kind === 'journey') return `${scope.journeyName} (all versions)`;
  return 'All patients';
}
