/** Hand-made controls the generated step forms use for a few fields: connectors and events are picked from what exists, not typed. */
import type { ReactNode } from 'react';
import type { JourneyDocument, Problem } from '../../schema/index.js';
import type { Connector } from '../api/types.js';
import type { WidgetProps } from '../forms/form-context.js';
import { FieldProblems } from '../forms/FieldProblems.js';
import { QuestionnaireField } from './QuestionnaireField.js';
import { durationWidget } from './DurationWidget.js';

/** Plain functions returning elements (no hooks of their own): the form calls them rather than mounting them. */
type Widget = (props: WidgetProps) => ReactNode;

/** A select of known choices that still shows a value typed in JSON that is not among them. */
function pickOne(label: string, choices: Array<{ id: string; name: string }>, hint?: string): Widget {
  return function Pick({ value, pointer, testId, onChange }) {
    const current = typeof value === 'string' ? value : '';
    const options =
      current === '' || choices.some((c) => c.id === current)
        ? choices
        : [...choices, { id: current, name: `${current} (not declared)` }];
    return (
      <label className="field">
        <span>{label}</span>
        <select value={current} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
          {current === '' && <option value="">—</option>}
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {hint && <small className="muted">{hint}</small>}
        <FieldProblems pointer={pointer} testId={testId} />
      </label>
    );
  };
}

/** Widgets of the journey settings: exit criteria and goals name one of the declared events. */
export function journeyWidgets(document: JourneyDocument): Record<string, Widget> {
  const events = [
    { id: '', name: '— none (condition only) —' },
    ...Object.keys(document.events ?? {}).map((id) => ({ id, name: id })),
  ];
  const pick = pickOne('Event', events);
  // An exit criterion may have no event (its condition is checked on attribute changes): choosing "none" removes the field.
  const optionalPick: Widget = (props) =>
    pick({ ...props, onChange: (value) => props.onChange(value === '' ? undefined : value) });
  return { 'exitCriteria/*/event': optionalPick, 'goals/*/event': pickOne('Event', events.slice(1)) };
}

export function stepWidgets(
  document: JourneyDocument,
  connectors: Connector[],
  problems: readonly Problem[],
): Record<string, Widget> {
  const events = Object.entries(document.events ?? {}).map(([id, e]) => ({
    id,
    name: e.description ? `${id} — ${e.description}` : id,
  }));
  const attributes = Object.entries(document.attributes ?? {}).map(([id, a]) => ({ id, name: `${id} (${a.type})` }));
  return {
    connector: pickOne(
      'Connector',
      connectors.map((c) => ({ id: c.id, name: c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id })),
    ),
    event: pickOne('Event', events, events.length === 0 ? 'Declare events in the journey settings first' : undefined),
    'set/*/attribute': pickOne(
      'Attribute',
      attributes,
      attributes.length === 0 ? 'Declare attributes in the journey settings first' : undefined,
    ),
    questionnaire: (props) => <QuestionnaireField {...props} problems={problems} />,
    deadline: durationWidget(
      'Deadline (ISO 8601 duration)',
      'Without an outcome by then the task is escalated, e.g. PT8H',
    ),
    timeout: durationWidget('Timeout (ISO 8601 duration)', 'Takes the timeout output after this long, e.g. P3D'),
  };
}
