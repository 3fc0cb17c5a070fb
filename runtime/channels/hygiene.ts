/** The contact-hygiene report: per version, per journey or overall, every patient whose phone or email is bad, opted out, shared with another patient, or missing where their journey uses it. */
import type { Database } from '../db/client.js';
import { addressOptOuts } from '../db/schema.js';
import type { AddressKind } from './addresses.js';
import { contactProblem } from './contacts.js';
import { sharedAddresses, type SharedAddresses, type SharingPatient } from './hygiene-shared.js';
import { resolveScope, scopedPatients, type HygieneScope, type ScopedPatient } from './hygiene-scope.js';

export type ContactIssueKind = 'bad' | 'opted-out' | 'missing' | 'shared';

/** In the order a program works its list: addresses that fail, then refusals, then gaps, then ambiguities. */
export const ISSUE_KINDS: ContactIssueKind[] = ['bad', 'opted-out', 'missing', 'shared'];

export interface ContactIssue {
  patientId: string;
  patientName: string;
  contact: AddressKind;
  /** The address as stored (E.164 or lower-cased email); absent when it is missing. */
  address?: string;
  issue: ContactIssueKind;
  /** A sentence: the provider's reason, the opt-out keyword, which channels need it, who else has it. */
  detail: string;
  /** When the address was marked bad or opted out. */
  since?: string;
  /** The other patient records that carry the same address. */
  sharedWith?: SharingPatient[];
  /** The patient's enrollments in the scope, newest first, e.g. "Refill reminder v2 (running)". */
  enrollments: string[];
}

export interface HygieneReport {
  scope: HygieneScope;
  generatedAt: string;
  /** Patients checked (test patients are never in a program's list). */
  patients: number;
  patientsWithIssues: number;
  counts: Record<ContactIssueKind, number>;
  issues: ContactIssue[];
}

const KIND_WORDS: Record<AddressKind, string> = { phone: 'phone number', email: 'email address' };
const CHANNELS_OF: Record<AddressKind, string[]> = { phone: ['sms', 'voice'], email: ['email'] };

type OptOut = typeof addressOptOuts.$inferSelect;

export async function contactHygieneReport(
  db: Database,
  filter: { journeyId?: string; versionId?: string },
): Promise<HygieneReport> {
  const scope = await resolveScope(db, filter);
  const [scoped, optOuts, sharedPhones, sharedEmails] = await Promise.all([
    scopedPatients(db, scope),
    // Opt-outs are few next to patients: all of them, matched in memory, rather than an IN list of every address.
    db.select().from(addressOptOuts),
    sharedAddresses(db, 'phone'),
    sharedAddresses(db, 'email'),
  ]);
  const optOutOf = new Map(optOuts.map((o) => [o.address, o]));
  const shared = { phone: sharedPhones, email: sharedEmails };
  const issues = scoped.flatMap((patient) =>
    (['phone', 'email'] as const).flatMap((kind) => issuesOf(patient, kind, optOutOf, shared[kind])),
  );
  const counts = Object.fromEntries(
    ISSUE_KINDS.map((k) => [k, issues.filter((i) => i.issue === k).length]),
  ) as HygieneReport['counts'];
  return {
    scope,
    generatedAt: new Date().toISOString(),
    patients: scoped.length,
    patientsWithIssues: new Set(issues.map((i) => i.patientId)).size,
    counts,
    issues: issues.sort((a, b) => ISSUE_KINDS.indexOf(a.issue) - ISSUE_KINDS.indexOf(b.issue)),
  };
}

function issuesOf(
  patient: ScopedPatient,
  kind: AddressKind,
  optOutOf: Map<string, OptOut>,
  shared: SharedAddresses,
): ContactIssue[] {
  const address = kind === 'phone' ? patient.phone : patient.email;
  const base = {
    patientId: patient.id,
    patientName: patient.name,
    contact: kind,
    enrollments: patient.enrollments.map((e) => `${e.journeyName} v${e.versionNumber} (${e.status})`),
  };
  if (!address) {
    const needing = [
      ...new Set(patient.enrollments.flatMap((e) => e.channels.filter((c) => CHANNELS_OF[kind].includes(c)))),
    ];
    if (needing.length === 0) return [];
    return [{ ...base, issue: 'missing', detail: `no ${KIND_WORDS[kind]}; the journey sends ${needing.join(', ')}` }];
  }
  const found: ContactIssue[] = [];
  const problem = contactProblem(patient, kind);
  if (problem) found.push({ ...base, address, issue: 'bad', detail: problem.reason, since: problem.since });
  const optOut = optOutOf.get(address);
  if (optOut)
    found.push({
      ...base,
      address,
      issue: 'opted-out',
      detail: `opted out with ${optOut.keyword}`,
      since: optOut.optedOutAt,
    });
  const others = (shared.get(address) ?? []).filter((p) => p.id !== patient.id);
  if (others.length > 0)
    found.push({
      ...base,
      address,
      issue: 'shared',
      detail: `the same ${KIND_WORDS[kind]} as ${others.map((o) => o.name).join(', ')}`,
      sharedWith: others,
    });
  return found;
}
