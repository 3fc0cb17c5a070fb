/** A voice message as the call reads it: the rendered script, and what the call listens for afterwards. */
import type { MessageStep } from '../../schema/index.js';
import type { RenderedMessage } from '../review/rendered-messages.js';
import { RenderedTextBlock } from '../review/RenderedTextBlock.js';

export function VoiceScript({ message, step }: { message: RenderedMessage; step: MessageStep }) {
  return (
    <div className="preview-voice" data-testid="preview-voice">
      <p className="muted small">Read aloud by text-to-speech when the patient answers the call:</p>
      <blockquote className="preview-voice-script">
        <RenderedTextBlock text={message.body} testId="preview-voice-script" />
      </blockquote>
      <p className="muted small">
        {step.await
          ? 'Then it listens for one key press or a short spoken answer, matched against the reply classes.'
          : 'Then it hangs up.'}
      </p>
    </div>
  );
}
