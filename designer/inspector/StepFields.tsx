/** The fields of the selected step: the generated form for every type, beside the hand-made message and wait fields where those read better. */
import { useMemo } from 'react';
import type { JourneyDocument, MessageStep, Problem, Step, WaitStep } from '../../schema/index.js';
import { pointerToken } from '../../schema/index.js';
import type { Connector } from '../api/types.js';
import { SchemaForm } from '../forms/SchemaForm.js';
import { stepFormSpec } from '../forms/step-forms.js';
import { fieldPointers, unclaimedProblems } from '../forms/pointers.js';
import { MessageFields } from './MessageFields.js';
import { WaitFields } from './WaitFields.js';
import { stepWidgets } from './widgets.js';

/** Fields of message and wait steps drawn by hand (reply classes, duration reading); the generated form shows the rest. */
const handMade: Partial<Record<Step['type'], string[]>> = {
  message: ['channel', 'connector', 'subject', 'template', 'await'],
  wait: ['wait'],
};

interface Props {
  document: JourneyDocument;
  stepId: string;
  step: Step;
  problems: Problem[];
  connectors: Connector[];
  onChange: (step: Step, field: string) => void;
}

export function StepFields({ document, stepId, step, problems, connectors, onChange }: Props) {
  const base = `/steps/${pointerToken(stepId)}`;
  const spec = stepFormSpec(step.type, handMade[step.type] ?? []);
  const widgets = useMemo(() => stepWidgets(document, connectors, problems), [document, connectors, problems]);
  // Problems the form shows under a field are not repeated in the list at the top; the questionnaire shows its own.
  const claimed = fieldPointers(spec, step, base);
  const unclaimed = unclaimedProblems(problems, claimed).filter(
    (p) => step.type !== 'assessment' || !p.pointer.startsWith(`${base}/questionnaire/`),
  );
  return (
    <>
      {unclaimed.length > 0 && (
        <ul className="inspector-problems" data-testid="inspector-problems">
          {unclaimed.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {step.type === 'message' && (
        <MessageFields
          document={document}
          stepId={stepId}
          step={step}
          connectors={connectors}
          onChange={(next: MessageStep, field) => onChange(next, field)}
        />
      )}
      {step.type === 'wait' && (
        <WaitFields
          step={step}
          onChange={(next: WaitStep, field) => onChange(next, field)}
          dateAttributes={Object.entries(document.attributes ?? {})
            .filter(([, a]) => a.type === 'date')
            .map(([name]) => name)}
        />
      )}
      <SchemaForm
        spec={spec}
        value={step}
        base={base}
        problems={problems}
        testIdPrefix="field"
        onChange={onChange}
        widgets={widgets}
      />
    </>
  );
}
