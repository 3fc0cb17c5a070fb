/** An SMS as the patient's phone shows it: a bubble, with its segment count and encoding (and what forced UCS-2) under it. */
import { ucs2Characters } from '../../schema/templates/index.js';
import type { RenderedMessage } from '../review/rendered-messages.js';
import { RenderedTextBlock } from '../review/RenderedTextBlock.js';

export function SmsPhone({ message }: { message: RenderedMessage }) {
  const { sms, body } = message;
  const over = sms !== undefined && sms.segments > sms.budget;
  const culprits = body.ok && sms?.encoding === 'UCS-2' ? ucs2Characters(body.text) : [];
  return (
    <div className="preview-phone" data-testid="preview-sms">
      <div className="preview-phone-screen">
        <div className="preview-bubble">
          <RenderedTextBlock text={body} testId="preview-sms-text" />
        </div>
      </div>
      {sms && (
        <p
          className={over ? 'error-text small' : 'muted small'}
          data-testid="preview-sms-segments"
          data-segments={sms.segments}
          data-encoding={sms.encoding}
          data-characters={sms.characters}
        >
          {sms.segments} segment{sms.segments === 1 ? '' : 's'} · {sms.encoding} · {sms.characters}{' '}
          {sms.encoding === 'GSM-7' ? 'septets' : 'UTF-16 units'}
          {over ? ` — over the journey's budget of ${sms.budget}` : ` (budget ${sms.budget})`}
        </p>
      )}
      {culprits.length > 0 && (
        <p className="muted small" data-testid="preview-sms-ucs2">
          Not in the GSM alphabet, so every segment holds 70 instead of 160:{' '}
          {culprits.map((c) => (
            <code key={c}>{c}</code>
          ))}
        </p>
      )}
    </div>
  );
}
