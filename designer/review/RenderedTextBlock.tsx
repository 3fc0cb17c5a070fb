/** A rendered template as the patient reads it, or, when it cannot be rendered for this patient, why. */
import type { RenderedText } from './rendered-messages.js';

export function RenderedTextBlock({ text, testId }: { text: RenderedText; testId: string }) {
  if (!text.ok)
    return (
      <p className="error-text" role="alert" data-testid={`${testId}-error`}>
        Cannot be sent to this patient: {text.error}
      </p>
    );
  return (
    <div className="rendered-text" data-testid={testId}>
      {text.text}
    </div>
  );
}
