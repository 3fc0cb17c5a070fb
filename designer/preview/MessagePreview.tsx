/** The inspector's preview of one message step for a sample patient: SMS on a phone, email as sent, voice script as read. */
import { useDeferredValue, useMemo, useState } from 'react';
import type { JourneyDocument, MessageStep } from '../../schema/index.js';
import { useRoute } from '../app/router.js';
import { messageContext } from '../review/message-context.js';
import { renderMessage } from '../review/rendered-messages.js';
import { RenderedTextBlock } from '../review/RenderedTextBlock.js';
import { samplePatients } from '../review/sample-patients.js';
import { SamplePatientPicker } from '../review/SamplePatientPicker.js';
import { EmailPreview } from './EmailPreview.js';
import { SmsPhone } from './SmsPhone.js';
import { VoiceScript } from './VoiceScript.js';
import './preview.css';

interface Props {
  document: JourneyDocument;
  stepId: string;
  step: MessageStep;
}

export function MessagePreview({ document, stepId, step }: Props) {
  const route = useRoute();
  const samples = useMemo(() => samplePatients(document), [document]);
  const [chosen, setChosen] = useState(samples[0]);
  // A sample keeps its edited name, but takes values for attributes declared since it was chosen.
  const patient = useMemo(
    () => ({ ...(samples.find((s) => s.id === chosen.id) ?? samples[0]), name: chosen.name }),
    [samples, chosen],
  );
  // Rendering trails the keystrokes a little under load, so typing in the template never waits for Liquid.
  const shown = useDeferredValue(step);
  const journeyId = route.page === 'editor' ? route.journeyId : '';
  const message = useMemo(
    () =>
      renderMessage(
        stepId,
        shown,
        messageContext(patient, { id: journeyId, name: document.name }),
        document.settings.smsSegmentBudget,
      ),
    [stepId, shown, patient, journeyId, document.name, document.settings.smsSegmentBudget],
  );
  return (
    <section className="preview" aria-label="Preview for a sample patient" data-testid="message-preview">
      <h3 className="preview-title">Preview</h3>
      <SamplePatientPicker samples={samples} patient={patient} onChange={setChosen} />
      {message.channel === 'sms' ? (
        <SmsPhone message={message} />
      ) : message.channel === 'email' ? (
        <EmailPreview message={message} />
      ) : message.channel === 'voice' ? (
        <VoiceScript message={message} step={shown} />
      ) : (
        <div data-testid={`preview-${message.channel}`}>
          <p className="muted small">
            {message.channel === 'webhook' ? 'Sent to a system, not shown to the patient:' : 'As the patient gets it:'}
          </p>
          <RenderedTextBlock text={message.body} testId="preview-text" />
        </div>
      )}
    </section>
  );
}
