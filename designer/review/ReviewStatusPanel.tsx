/** Where the review of a version stands: status, the disciplines that must sign and which have, the signatures, and "Sign…". */
import { DISCIPLINES, type Discipline, type ReviewedVersion } from '../api/review.js';
import { SignaturesList } from './SignaturesList.js';

interface Props {
  version: ReviewedVersion;
  /** Why this user cannot sign, when they cannot (e.g. they edited the version); shown instead of a dead button. */
  cannotSign?: string;
  onSign: () => void;
}

export function ReviewStatusPanel({ version, cannotSign, onSign }: Props) {
  const required: Discipline[] = version.requiredDisciplines?.length ? version.requiredDisciplines : DISCIPLINES;
  const signatures = version.signatures ?? [];
  return (
    <section className="panel" aria-label="Review status" data-testid="review-status">
      <h2 className="panel-title">
        Review{' '}
        <span className={`status status-${version.status}`} data-testid="review-version-status">
          {version.status}
        </span>
      </h2>
      <ul className="discipline-list">
        {required.map((d) => {
          const signature = signatures.find((s) => s.discipline === d);
          return (
            <li key={d} data-testid={`discipline-${d}`} data-signed={signature?.decision ?? 'awaiting'}>
              {d}: {signature ? (signature.decision === 'approve' ? 'approved' : 'rejected') : 'awaiting signature'}
            </li>
          );
        })}
      </ul>
      {version.changesRequested && (
        <p className="error-text" data-testid="changes-requested">
          Changes requested by {version.changesRequested.by.name} ({version.changesRequested.discipline}):{' '}
          {version.changesRequested.reason}
        </p>
      )}
      <SignaturesList signatures={signatures} />
      <p className="small">
        <a
          href={`/api/versions/${encodeURIComponent(version.id)}/export`}
          download={`version-${version.number}-review.json`}
          data-testid="review-export"
        >
          Export the version with its signatures and comments (JSON)
        </a>
      </p>
      {version.status === 'submitted' &&
        (cannotSign ? (
          <p className="muted" role="note" data-testid="cannot-sign">
            {cannotSign}
          </p>
        ) : (
          <button type="button" className="primary" onClick={onSign} data-testid="sign-open">
            Sign…
          </button>
        ))}
    </section>
  );
}
