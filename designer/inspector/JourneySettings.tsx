/** The journey settings panel: name, description, attributes, events, entry, exit criteria, goals and settings, all through the generated form. */
import { useCallback, useMemo } from 'react';
import type { JourneyDocument, Problem } from '../../schema/index.js';
import { journeyFieldsOf, type JourneyChange, type JourneyFields } from '../model/changes.js';
import type { RecordOptions } from '../model/history.js';
import { SchemaForm } from '../forms/SchemaForm.js';
import { journeyFormSpec } from '../forms/step-forms.js';
import { fieldPointers, unclaimedProblems } from '../forms/pointers.js';
import { journeyWidgets } from './widgets.js';

interface Props {
  document: JourneyDocument;
  /** Problems of the whole journey; those about steps are left to the canvas and the step inspector. */
  problems: Problem[];
  apply: (change: JourneyChange, options?: Omit<RecordOptions, 'now'>) => void;
  onClose: () => void;
}

export function JourneySettings({ document, problems, apply, onClose }: Props) {
  const spec = journeyFormSpec();
  const fields = journeyFieldsOf(document);
  const journeyProblems = problems.filter((p) => !p.pointer.startsWith('/steps/') && !p.stepId);
  const unclaimed = unclaimedProblems(journeyProblems, fieldPointers(spec, fields, ''));
  const widgets = useMemo(() => journeyWidgets(document), [document]);
  const onChange = useCallback(
    (journey: JourneyFields, field: string) =>
      apply({ type: 'update-journey', journey }, { coalesceKey: `journey/${field}` }),
    [apply],
  );
  return (
    <section className="panel inspector" aria-label="Journey settings" data-testid="journey-settings">
      <h2 className="panel-title">
        Journey settings
        <button type="button" className="link" onClick={onClose} data-testid="journey-settings-close">
          Close
        </button>
      </h2>
      {unclaimed.length > 0 && (
        <ul className="inspector-problems" data-testid="journey-settings-problems">
          {unclaimed.map((p, i) => (
            <li key={i} className={`problem problem--${p.severity}`}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <SchemaForm
        spec={spec}
        value={fields}
        base=""
        problems={journeyProblems}
        testIdPrefix="journey"
        onChange={onChange}
        widgets={widgets}
      />
    </section>
  );
}
