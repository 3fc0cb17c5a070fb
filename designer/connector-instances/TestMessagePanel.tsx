/** "Send a test message": to a number or address the engineer types, through the instance's own send, showing the provider's answer. */
import { useState } from 'react';
import { useSubmit } from '../app/useSubmit.js';
import { connectorsApi, type ConnectorInstance, type TestResult } from './connectors-api.js';

export function TestMessagePanel({ instance }: { instance: ConnectorInstance }) {
  const email = instance.channels.includes('email');
  const [to, setTo] = useState('');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<TestResult | null>(instance.lastTest);
  const { submit, busy, error } = useSubmit(async () => {
    setResult((await connectorsApi.sendTest(instance.id, { to, ...(body ? { body } : {}) })).result);
  });
  return (
    <form className="card" onSubmit={submit} data-testid="connector-test">
      <h3>Send a test message</h3>
      <label className="field">
        {email ? 'Email address' : 'Phone number'}
        <input
          required
          type={email ? 'email' : 'tel'}
          placeholder={email ? 'you@example.org' : '+15551234567'}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          data-testid="connector-test-to"
        />
      </label>
      <label className="field">
        Text <small className="muted">(optional)</small>
        <input
          value={body}
          placeholder="This is a test message from Carepath."
          onChange={(e) => setBody(e.target.value)}
          data-testid="connector-test-body"
        />
      </label>
      <button type="submit" disabled={busy} data-testid="connector-test-send">
        {busy ? 'Sending…' : 'Send test'}
      </button>
      {error && (
        <p className="error-text" role="alert" data-testid="connector-test-error">
          {error}
        </p>
      )}
      {result && (
        <p
          className={result.ok ? 'success-text' : 'error-text'}
          role="status"
          data-testid="connector-test-result"
          data-ok={result.ok}
        >
          {result.ok
            ? `Accepted by the provider (${result.providerMessageId}) at ${new Date(result.at).toLocaleTimeString()}.`
            : `Not sent: ${result.error}`}
        </p>
      )}
    </form>
  );
}
