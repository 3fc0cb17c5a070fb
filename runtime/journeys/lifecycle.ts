/** The life of a version: which state changes are allowed. A version's content never changes; only its status does. */
export const VERSION_STATUSES = [
  'snapshot',
  'submitted',
  'changes-requested',
  'approved',
  'published',
  'paused',
  'superseded',
  'retired',
] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** What people do to a version. `approve` and `request-changes` follow from signatures; `supersede` from publishing a later version. */
export type VersionAction =
  'submit' | 'approve' | 'request-changes' | 'publish' | 'pause' | 'resume' | 'supersede' | 'retire';

/** The actions a person asks for by name through the API; the others happen as consequences. */
export const REQUESTED_ACTIONS = ['submit', 'publish', 'pause', 'resume', 'retire'] as const;

/**
 * Allowed transitions. A version whose review asked for changes is never resubmitted: its content cannot change,
 * so the answer to a rejection is a new version. Only an approved version publishes.
 */
const transitions: Record<VersionAction, { from: VersionStatus[]; to: VersionStatus }> = {
  submit: { from: ['snapshot'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  'request-changes': { from: ['submitted'], to: 'changes-requested' },
  publish: { from: ['approved'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  supersede: { from: ['published', 'paused'], to: 'superseded' },
  retire: {
    from: ['snapshot', 'submitted', 'changes-requested', 'approved', 'published', 'paused', 'superseded'],
    to: 'retired',
  },
};

const pastTense: Record<VersionAction, string> = {
  submit: 'submitted for review',
  approve: 'approved',
  'request-changes': 'sent back for changes',
  publish: 'published',
  pause: 'paused',
  resume: 'resumed',
  supersede: 'superseded',
  retire: 'retired',
};

export type TransitionRefusal = { ok: false; code: string; message: string };

/** The status after an action, or why the action is not allowed now (with a stable code naming the rule). */
export function nextStatus(
  current: VersionStatus,
  action: VersionAction,
): { ok: true; status: VersionStatus } | TransitionRefusal {
  const rule = transitions[action];
  if (rule.from.includes(current)) return { ok: true, status: rule.to };
  if (action === 'publish')
    return {
      ok: false,
      code: 'version-not-approved',
      message: `Only an approved version can be published; this version is ${current}.`,
    };
  if (action === 'submit' && current === 'changes-requested')
    return {
      ok: false,
      code: 'invalid-transition',
      message: 'Reviewers asked for changes to this version; make them in the draft and submit the new version.',
    };
  return {
    ok: false,
    code: 'invalid-transition',
    message: `A ${current} version cannot be ${pastTense[action]}; allowed from: ${rule.from.join(', ')}.`,
  };
}

/** Only a published version takes new enrollments; a superseded one keeps running for the patients already on it. */
export const acceptsEnrollments = (status: VersionStatus) => status === 'published';

/** Statuses a version reaches only after every required discipline approved it. */
export const APPROVED_STATUSES: readonly VersionStatus[] = ['approved', 'published', 'paused', 'superseded'];
