/** "Skip wait" in the test run: ends the test patient's current wait now (through the workflow), so a two-day wait takes a click. */
import { useState } from 'react';
import { api, errorMessage } from '../api/client.js';
import type { Enrollment } from '../api/types.js';

/** The phases a timer ends; a message held for quiet hours (`deferred`) is a rule the server will not skip, so no button. */
const waiting: Record<string, string> = {
  waiting: 'Skip wait',
  'awaiting-reply': 'Skip to the reply timeout',
  'awaiting-event': 'Skip to the event timeout',
  'awaiting-task': 'Skip to the task deadline',
  assessing: 'Skip to the assessment timeout',
};

export function SkipWaitButton({ enrollment }: { enrollment: Enrollment }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const phase = enrollment.state?.status === 'running' ? enrollment.state.phase : undefined;
  const label = phase ? waiting[phase.kind] : undefined;
  if (!label) return null;
  const skip = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.skipWait(enrollment.id);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <p className="small">
      <button
        type="button"
        onClick={() => void skip()}
        disabled={busy}
        title="Ends this wait now, as its timer would: test patients only, and recorded in the audit trail"
        data-testid="skip-wait"
      >
        {busy ? 'Skipping…' : label}
      </button>
      {error && (
        <span className="error-text" role="alert" data-testid="skip-wait-error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
