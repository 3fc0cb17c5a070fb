/** A one-field form to write a comment or a reply; clears itself when the comment is saved, and shows the server's refusal otherwise. */
import { useState } from 'react';
import { useSubmit } from '../app/useSubmit.js';

interface Props {
  label: string;
  submitLabel: string;
  testId: string;
  onSubmit: (body: string) => Promise<void>;
}

export function CommentForm({ label, submitLabel, testId, onSubmit }: Props) {
  const [body, setBody] = useState('');
  const { submit, busy, error } = useSubmit(async () => {
    await onSubmit(body.trim());
    setBody('');
  });
  return (
    <form className="comment-form" onSubmit={submit} data-testid={testId}>
      <label className="field field--compact">
        <span>{label}</span>
        <textarea rows={2} value={body} onChange={(e) => setBody(e.target.value)} data-testid={`${testId}-body`} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="small" disabled={busy || !body.trim()} data-testid={`${testId}-submit`}>
        {busy ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
