/** Ending one enrollment: the reason is required, since it goes into the audit trail and the patient's record. */
import { useState } from 'react';

export function EndEnrollmentForm({
  patientName,
  busy,
  onEnd,
  onCancel,
}: {
  patientName: string;
  busy: boolean;
  onEnd: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <form
      className="small"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onEnd(reason.trim());
      }}
      data-testid="end-enrollment-form"
    >
      <label>
        Why end {patientName}'s enrollment?{' '}
        <input
          required
          autoFocus
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="end-enrollment-reason"
        />
      </label>{' '}
      <button
        type="submit"
        className="small danger"
        disabled={busy || !reason.trim()}
        data-testid="end-enrollment-submit"
      >
        End enrollment
      </button>{' '}
      <button type="button" className="small" onClick={onCancel}>
        Keep
      </button>
    </form>
  );
}
