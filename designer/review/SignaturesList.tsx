/** The electronic signatures on a version: who (printed name), discipline, decision, meaning, time and the content hash signed. */
import type { Signature } from '../api/review.js';

export function SignaturesList({ signatures, testId = 'signatures' }: { signatures: Signature[]; testId?: string }) {
  if (signatures.length === 0) return <p className="muted small">No signatures yet.</p>;
  return (
    <ul className="signatures" data-testid={testId}>
      {signatures.map((s) => (
        <li
          key={s.id}
          className={`signature signature--${s.decision}`}
          data-testid={`signature-${s.discipline}`}
          data-decision={s.decision}
        >
          <p>
            <strong>{s.printedName}</strong> · {s.discipline} ·{' '}
            <span className={s.decision === 'approve' ? 'ok-text' : 'error-text'}>
              {s.decision === 'approve' ? 'Approved' : 'Rejected'}
            </span>{' '}
            <small className="muted">
              <time dateTime={s.signedAt}>{new Date(s.signedAt).toLocaleString()}</time>
            </small>
          </p>
          <p className="signature__meaning">“{s.meaning}”</p>
          {s.reason && <p className="signature__reason">Reason: {s.reason}</p>}
          <code className="hash" title={s.contentHash}>
            {s.contentHash}
          </code>
        </li>
      ))}
    </ul>
  );
}
