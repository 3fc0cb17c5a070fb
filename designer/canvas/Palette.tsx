/** The step palette: drag a step type onto the canvas (HTML5 drag and drop), or press it to add one in the middle of the view. */
import type { DragEvent } from 'react';
import { kindOfType, stepTypes, type StepType } from '../../schema/index.js';

/** The drag payload's MIME type; the canvas accepts only drops that carry it. */
export const stepDragType = 'application/x-carepath-step';

const hints: Record<StepType, string> = {
  message: 'Send an SMS, email, call or push; optionally wait for a reply',
  wait: 'Pause for a while (days, hours, minutes)',
  end: 'The enrollment completes',
};

export function Palette({ onAdd }: { onAdd: (type: StepType) => void }) {
  function onDragStart(event: DragEvent, type: StepType) {
    event.dataTransfer.setData(stepDragType, type);
    event.dataTransfer.setData('text/plain', type);
    event.dataTransfer.effectAllowed = 'move';
  }
  return (
    <aside className="palette" aria-label="Step palette">
      <h2 className="panel-title">Steps</h2>
      {stepTypes.map((type) => (
        <button
          key={type}
          type="button"
          className={`palette-item palette-item--${type}`}
          draggable
          onDragStart={(event) => onDragStart(event, type)}
          onClick={() => onAdd(type)}
          data-testid={`palette-${type}`}
          title={hints[type]}
          aria-label={`${kindOfType(type).label} step: drag onto the canvas, or press to add`}
        >
          <strong>{kindOfType(type).label}</strong>
          <small>{hints[type]}</small>
        </button>
      ))}
      <p className="muted small">Drag a step onto the canvas, then drag from an output handle to the next step.</p>
    </aside>
  );
}
