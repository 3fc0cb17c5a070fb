/** One message step as the patient gets it: SMS with segments and encoding, email subject and body, voice script, or other channel. */
import type { RenderedMessage } from './rendered-messages.js';
import { RenderedTextBlock } from './RenderedTextBlock.js';

const channelNames: Record<RenderedMessage['channel'], string> = {
  sms: 'SMS',
  email: 'Email',
  voice: 'Voice script',
  video: 'Video message',
  push: 'Push notification',
  webhook: 'Webhook to a system (not shown to the patient)',
};

export function RenderedMessageCard({ message }: { message: RenderedMessage }) {
  const { sms } = message;
  const over = sms !== undefined && sms.segments > sms.budget;
  return (
    <>
      <p className="rendered-meta">
        <span className="channel-tag">{channelNames[message.channel]}</span> via {message.connector}
        {sms && (
          <span
            className={over ? 'error-text' : 'muted'}
            data-testid={`rendered-segments-${message.stepId}`}
            data-segments={sms.segments}
            data-encoding={sms.encoding}
          >
            {' '}
            · {sms.segments} segment{sms.segments === 1 ? '' : 's'}, {sms.encoding}, {sms.characters} characters
            {over ? ` — over the journey's budget of ${sms.budget}` : ` (budget ${sms.budget})`}
          </span>
        )}
      </p>
      {message.subject && (
        <div className="rendered-subject">
          <span className="muted small">Subject</span>
          <RenderedTextBlock text={message.subject} testId={`rendered-subject-${message.stepId}`} />
        </div>
      )}
      <RenderedTextBlock text={message.body} testId={`rendered-body-${message.stepId}`} />
    </>
  );
}
