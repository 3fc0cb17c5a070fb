/** The step palette, grouped and scrollable: drag a step type onto the canvas (HTML5 drag and drop), or press it to add one below the selected step (connected) or in the middle of the view. */
import type { DragEvent } from 'react';
import { kindOfType, type StepType } from '../../schema/index.js';

/** The drag payload's MIME type; the canvas accepts only drops that carry it. */
export const stepDragType = 'application/x-carepath-step';

export const hints: Record<StepType, string> = {
  message: 'Send an SMS, email, call, push or webhook; optionally wait for a reply',
  assessment: 'Ask a scored questionnaire (PHQ-9, GAD-7…) by SMS or web link',
  wait: 'Pause for a while, until a time of day, or until a date of the patient',
  'wait-for-event': 'Pause until an event arrives (refill picked up), or time out',
  split: 'Branch on conditions, score bands, or a random A/B draw',
  update: 'Set patient attributes and tags',
  task: 'A task for a care-team queue, with talking points and outcomes',
  goal: 'Record a conversion, then go on',
  exit: 'The patient leaves the program, with a reason',
  end: 'The enrollment completes',
};

/** Palette groups in display order; every step type appears in exactly one (checked by a test). */
export const paletteGroups: ReadonlyArray<{ label: string; types: readonly StepType[] }> = [
  { label: 'Messages', types: ['message', 'assessment'] },
  { label: 'Timing', types: ['wait', 'wait-for-event'] },
  { label: 'Logic', types: ['split', 'update'] },
  { label: 'People', types: ['task'] },
  { label: 'Endings', types: ['goal', 'exit', 'end'] },
];

export function Palette({ onAdd }: { onAdd: (type: StepType) => void }) {
  function onDragStart(event: DragEvent, type: StepType) {
    event.dataTransfer.setData(stepDragType, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'move';
  }
  return (
    <aside className="palette" aria-label="Step palette">
      <h2 className="panel-title">Steps</h2>
      {paletteGroups.map((group) => (
        <section key={group.label} className="palette-group" aria-label={group.label}>
          <h3 className="palette-group__title">{group.label}</h3>
          {group.types.map((type) => (
            <button
              key={type}
              type="button"
              className={`palette-item palette-item--${type}`}
              draggable
              onDragStart={(event) => onDragStart(event, type)}
              onClick={() => onAdd(type)}
              data-testid={`palette-${type}`}
              title={`${hints[type]}. Drag onto the canvas, or press to add below the selected step.`}
            >
              <strong>{kindOfType(type).label}</strong>
              <small>{hints[type]}</small>
            </button>
          ))}
        </section>
      ))}
      <p className="muted small">
        Drag a step onto the canvas, or select a step and press one here to add it below, connected.
      </p>
    </aside>
  );
}
