/** An email as the SMTP connector sends it: the subject, the HTML part in a sandboxed frame, and the plain-text part. */
import { useMemo } from 'react';
import { htmlPart, textPart } from '../../schema/templates/index.js';
import type { RenderedMessage } from '../review/rendered-messages.js';
import { RenderedTextBlock } from '../review/RenderedTextBlock.js';

/** Stands in for the per-recipient one-click unsubscribe address the connector signs at send time. */
const SAMPLE_UNSUBSCRIBE = 'https://carepath.example/unsubscribe/sample';

export function EmailPreview({ message }: { message: RenderedMessage }) {
  const { body, subject } = message;
  const subjectText = subject?.ok ? subject.text : undefined;
  const parts = useMemo(
    () =>
      body.ok
        ? { html: htmlPart(body.text, SAMPLE_UNSUBSCRIBE, subjectText), text: textPart(body.text, SAMPLE_UNSUBSCRIBE) }
        : undefined,
    [body, subjectText],
  );
  return (
    <div className="preview-email" data-testid="preview-email">
      <div className="preview-email-subject">
        <span className="muted small">Subject</span>
        {subject ? (
          <RenderedTextBlock text={subject} testId="preview-email-subject" />
        ) : (
          <p className="error-text small">No subject: mail clients show it as "(no subject)".</p>
        )}
      </div>
      {parts ? (
        <>
          {/* No scripts, no forms, no same origin: the template's text never runs in the designer. */}
          <iframe
            className="preview-email-html"
            title="Email as HTML"
            sandbox=""
            srcDoc={parts.html}
            data-testid="preview-email-html"
          />
          <details>
            <summary className="small">Plain-text part</summary>
            <pre className="preview-email-text" data-testid="preview-email-text">
              {parts.text}
            </pre>
          </details>
        </>
      ) : (
        <RenderedTextBlock text={body} testId="preview-email-body" />
      )}
    </div>
  );
}
