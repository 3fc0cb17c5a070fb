/** Every message of the version rendered for a sample patient of the reviewer's choice, in the order the patient meets them. */
import { useMemo, useState } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { renderJourneyMessages, type RenderedStep } from './rendered-messages.js';
import { samplePatients } from './sample-patients.js';
import type { JourneyRef } from './message-context.js';
import { SamplePatientPicker } from './SamplePatientPicker.js';
import { RenderedMessageCard } from './RenderedMessageCard.js';
import { RenderedAssessmentCard } from './RenderedAssessmentCard.js';
import { RenderedTaskCard } from './RenderedTaskCard.js';

interface Props {
  document: JourneyDocument;
  journey: JourneyRef;
  selectedStepId?: string;
  onSelectStep: (stepId: string) => void;
}

function Card({ item }: { item: RenderedStep }) {
  if (item.kind === 'message') return <RenderedMessageCard message={item} />;
  if (item.kind === 'assessment') return <RenderedAssessmentCard assessment={item} />;
  return <RenderedTaskCard task={item} />;
}

export function MessagesPanel({ document, journey, selectedStepId, onSelectStep }: Props) {
  const samples = useMemo(() => samplePatients(document), [document]);
  const [patient, setPatient] = useState(samples[0]);
  const rendered = useMemo(() => renderJourneyMessages(document, patient, journey), [document, patient, journey]);
  return (
    <section className="panel" aria-label="Messages as the patient gets them" data-testid="review-messages">
      <SamplePatientPicker samples={samples} patient={patient} onChange={setPatient} />
      {rendered.length === 0 && <p className="muted">This version sends no messages and creates no tasks.</p>}
      <ol className="rendered-list">
        {rendered.map((item) => (
          <li
            key={item.stepId}
            className={`rendered-card${item.stepId === selectedStepId ? ' is-selected' : ''}`}
            data-testid={`rendered-${item.stepId}`}
          >
            <button type="button" className="link rendered-step" onClick={() => onSelectStep(item.stepId)}>
              {item.name}
            </button>
            <Card item={item} />
          </li>
        ))}
      </ol>
    </section>
  );
}
