/** The contact-hygiene report as a CSV file a program can clean its list from in a spreadsheet. */
import Papa from 'papaparse';
import type { HygieneReport } from './hygiene.js';

const COLUMNS = [
  'patient_id',
  'patient_name',
  'contact',
  'address',
  'issue',
  'detail',
  'since',
  'shared_with',
  'enrollments',
] as const;

/**
 * One line per issue. Cells starting with = + - @ (or a tab or carriage return) get a leading apostrophe, so a
 * spreadsheet shows them as text and never runs a name or a provider's reason as a formula. E.164 numbers start
 * with + and are guarded too, which also keeps a spreadsheet from turning them into numbers.
 */
export function hygieneCsv(report: HygieneReport): string {
  const rows = report.issues.map((i) => [
    i.patientId,
    i.patientName,
    i.contact,
    i.address ?? '',
    i.issue,
    i.detail,
    i.since ?? '',
    (i.sharedWith ?? []).map((p) => `${p.name} (${p.id})`).join('; '),
    i.enrollments.join('; '),
  ]);
  return Papa.unparse({ fields: [...COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

/** A file name that says what the report covers and when, with nothing a header could choke on. */
export function hygieneFileName(report: HygieneReport): string {
  const scope = report.scope;
  const what =
    scope.kind === 'version'
      ? `${scope.journeyName}-v${scope.versionNumber}`
      : scope.kind === 'journey'
        ? scope.journeyName
        : 'all-patients';
  return `contact-hygiene-${what}-${report.generatedAt.slice(0, 10)}.csv`.replace(/[^\w.-]+/g, '_');
}
