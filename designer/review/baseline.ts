/** Which version a review compares against: the journey's last approved version before the one under review. */
import type { ReviewedVersion } from '../api/review.js';

/** Statuses a version only reaches after every required discipline approved it. */
const approvedOnce = new Set(['approved', 'published', 'paused', 'superseded']);

export function wasApproved(version: ReviewedVersion): boolean {
  return version.approvedAt !== undefined || approvedOnce.has(version.status);
}

export function baselineOf(versions: ReviewedVersion[], number: number): ReviewedVersion | undefined {
  return versions
    .filter((v) => v.number < number && wasApproved(v))
    .sort((a, b) => b.number - a.number)
    .at(0);
}
