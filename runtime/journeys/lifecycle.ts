/** The life of a version: which state changes are allowed. A version's content never changes; only its status does. */
export const VERSION_STATUSES = ['snapshot', 'published', 'paused', 'retired'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

export type VersionAction = 'publish' | 'pause' | 'resume' | 'retire';

/**
 * Allowed transitions. Review and signature states (in-review, approved, rejected) slot in before
 * `published` when approvals land; until then a snapshot publishes directly.
 */
const transitions: Record<VersionAction, { from: VersionStatus[]; to: VersionStatus }> = {
  publish: { from: ['snapshot'], to: 'published' },
  pause: { from: ['published'], to: 'paused' },
  resume: { from: ['paused'], to: 'published' },
  retire: { from: ['snapshot', 'published', 'paused'], to: 'retired' },
};

/** The status after an action, or an explanation of why the action is not allowed now. */
export function nextStatus(
  current: VersionStatus,
  action: VersionAction,
): { ok: true; status: VersionStatus } | { ok: false; message: string } {
  const rule = transitions[action];
  if (!rule.from.includes(current)) {
    return {
      ok: false,
      message: `A ${current} version cannot be ${action === 'publish' ? 'published' : action + 'd'}; allowed from: ${rule.from.join(', ')}.`,
    };
  }
  return { ok: true, status: rule.to };
}

/** Only a published version takes new enrollments. */
export const acceptsEnrollments = (status: VersionStatus) => status === 'published';
