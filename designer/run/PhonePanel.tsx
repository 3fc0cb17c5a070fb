/** The patient's phone: the development channel's inbox for one patient, polled, with a reply box. */
import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client.js';
import { useSubmit } from '../app/useSubmit.js';
import { usePolling } from './usePolling.js';

export function PhonePanel({ patientId, patientName }: { patientId: string; patientName: string }) {
  const { data, error } = usePolling(() => api.inbox(patientId), 1000, [patientId]);
  const [text, setText] = useState('');

  const listRef = useRef<HTMLOListElement>(null);
  const messages = data?.messages ?? [];

  useEffect(() => {
    listRef.current?.scrollTo({ top: listRef.current.scrollHeight });
  }, [messages.length]);

  const {
    submit: send,
    busy: sending,
    error: sendError,
  } = useSubmit(async () => {
    if (!text.trim()) return;
    await api.reply(patientId, text.trim());
    setText('');
  });

  return (
    <section
      className="panel phone"
      aria-label={`Phone of ${patientName}`}
      data-testid="phone-panel"
      data-patient-id={patientId}
    >
      <h2 className="panel-title">{patientName}'s phone</h2>
      <div className="phone__screen">
        {error && <p className="error-text small">{error}</p>}
        <ol className="phone__messages" ref={listRef} data-testid="phone-messages" aria-live="polite">
          {messages.length === 0 && <li className="muted small">No messages yet.</li>}
          {messages.map((message) => (
            <li
              key={message.id}
              className={`bubble bubble--${message.direction}`}
              data-testid="phone-message"
              data-direction={message.direction}
              data-channel={message.channel}
            >
              {message.subject && <strong className="bubble__subject">{message.subject}</strong>}
              <span className="bubble__body">{message.body}</span>
              <small className="bubble__meta">
                {message.channel.toUpperCase()} · {new Date(message.createdAt).toLocaleTimeString()}
              </small>
            </li>
          ))}
        </ol>
        <form className="phone__reply" onSubmit={send} aria-label="Reply as the patient">
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Reply as the patient…"
            aria-label="Reply text"
            data-testid="phone-reply-input"
          />
          <button type="submit" className="primary" disabled={sending || !text.trim()} data-testid="phone-reply-send">
            Send
          </button>
        </form>
        {sendError && (
          <p className="error-text small" role="alert" data-testid="phone-reply-error">
            {sendError}
          </p>
        )}
      </div>
    </section>
  );
}
