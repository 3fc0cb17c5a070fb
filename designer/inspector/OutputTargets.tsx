/** "Leads to": where each output of the selected step goes, chosen from a list; connecting steps from the keyboard, or on a canvas too large to drag across. */
import { kindOf, outputsOf, type JourneyDocument, type Step } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';

interface Props {
  document: JourneyDocument;
  stepId: string;
  step: Step;
  apply: (change: JourneyChange) => void;
}

const notConnected = '';

export function OutputTargets({ document, stepId, step, apply }: Props) {
  const outputs = outputsOf(step);
  if (outputs.length === 0) return null;
  const required = new Set(kindOf(step).requiredOutputs(step));
  const targets = Object.entries(document.steps).filter(([id]) => id !== stepId);
  return (
    <fieldset className="output-targets" data-testid="output-targets">
      <legend>Leads to</legend>
      {outputs.map((output) => {
        const target = step.outputs[output] ?? notConnected;
        return (
          <label key={output} className="field output-target">
            <span>
              {output}
              {!required.has(output) && <small className="muted"> (optional)</small>}
            </span>
            <select
              value={target}
              onChange={(event) =>
                apply(
                  event.target.value === notConnected
                    ? { type: 'disconnect', source: stepId, output }
                    : { type: 'connect', source: stepId, output, target: event.target.value },
                )
              }
              data-testid={`output-target-${output}`}
            >
              <option value={notConnected}>{required.has(output) ? '— choose a step —' : '— not connected —'}</option>
              {targets.map(([id, other]) => (
                <option key={id} value={id}>
                  {other.name ? `${other.name} (${id})` : id}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </fieldset>
  );
}
