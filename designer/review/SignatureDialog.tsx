/** The electronic signature (21 CFR Part 11): re-enter the password, approve or reject, state the meaning; shows who signs, for what, and the hash. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../app/Dialog.js';
import { reviewApi, type Discipline, type ReviewedVersion } from '../api/review.js';
import { defaultMeaning, signatureErrorText } from './signature-text.js';

interface Props {
  version: ReviewedVersion;
  printedName: string;
  /** The disciplines the signer may sign for here (theirs, when known). */
  disciplines: Discipline[];
  onSigned: (version: ReviewedVersion) => void;
  onClose: () => void;
}

export function SignatureDialog({ version, printedName, disciplines, onSigned, onClose }: Props) {
  const [discipline, setDiscipline] = useState<Discipline>(disciplines[0]);
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [meaning, setMeaning] = useState(() => defaultMeaning(disciplines[0], 'approve'));
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  // The prefilled meaning follows the choices until the signer writes their own.
  const [meaningEdited, setMeaningEdited] = useState(false);
  const choose = (next: { discipline?: Discipline; decision?: 'approve' | 'reject' }) => {
    const d = next.discipline ?? discipline;
    const k = next.decision ?? decision;
    setDiscipline(d);
    setDecision(k);
    if (!meaningEdited) setMeaning(defaultMeaning(d, k));
  };

  async function sign(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const answer = await reviewApi.sign(version.id, {
        password,
        discipline,
        decision,
        meaning: meaning.trim(),
        ...(decision === 'reject' ? { reason: reason.trim() } : {}),
      });
      onSigned(answer.version);
    } catch (err) {
      setError(signatureErrorText(err));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const ready = password !== '' && meaning.trim() !== '' && (decision === 'approve' || reason.trim() !== '');
  return (
    <Dialog
      className="signature-dialog"
      labelledBy="signature-title"
      onSubmit={sign}
      onClose={onClose}
      testId="signature-dialog"
    >
      <h2 id="signature-title">Sign version v{version.number}</h2>
      <dl className="signature-facts">
        <dt>Printed name</dt>
        <dd data-testid="signature-printed-name">{printedName}</dd>
        <dt>Discipline</dt>
        <dd>
          {disciplines.length === 1 ? (
            <span data-testid="signature-discipline">{discipline}</span>
          ) : (
            <select
              aria-label="Discipline"
              value={discipline}
              onChange={(e) => choose({ discipline: e.target.value as Discipline })}
              data-testid="signature-discipline"
            >
              {disciplines.map((d) => (
                <option key={d}>{d}</option>
              ))}
            </select>
          )}
        </dd>
        <dt>Content hash signed</dt>
        <dd>
          <code className="hash" data-testid="signature-hash">
            {version.contentHash}
          </code>
        </dd>
      </dl>
      <fieldset className="signature-decision">
        <legend>Decision</legend>
        <label className="toggle">
          <input
            type="radio"
            name="decision"
            checked={decision === 'approve'}
            onChange={() => choose({ decision: 'approve' })}
            data-testid="signature-approve"
          />
          Approve
        </label>
        <label className="toggle">
          <input
            type="radio"
            name="decision"
            checked={decision === 'reject'}
            onChange={() => choose({ decision: 'reject' })}
            data-testid="signature-reject"
          />
          Reject (request changes)
        </label>
      </fieldset>
      <label className="field">
        <span>Meaning of this signature</span>
        <textarea
          rows={3}
          value={meaning}
          onChange={(e) => {
            setMeaning(e.target.value);
            setMeaningEdited(true);
          }}
          data-testid="signature-meaning"
        />
      </label>
      {decision === 'reject' && (
        <label className="field">
          <span>Reason: what must change</span>
          <textarea
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="signature-reason"
          />
        </label>
      )}
      <label className="field">
        <span>Your password</span>
        <input
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="signature-password"
        />
      </label>
      <p className="muted small">
        Signing binds your name, the time and this meaning to the version's content hash. It cannot be undone.
      </p>
      {error && (
        <p className="error-text" role="alert" data-testid="signature-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="signature-cancel">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !ready} data-testid="signature-submit">
          {busy ? 'Signing…' : decision === 'approve' ? 'Sign and approve' : 'Sign and reject'}
        </button>
      </div>
    </Dialog>
  );
}
