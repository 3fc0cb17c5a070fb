/** The reply classes of a message that awaits a reply: id (the output name), label, and the words that fall in the class. */
import type { MessageStep } from '../../schema/index.js';
import {
  addReplyClass,
  formatMatchList,
  parseMatchList,
  removeReplyClass,
  updateReplyClass,
} from '../model/reply-classes.js';
import { ParsedInput } from './Field.js';

export function ReplyClassesEditor({
  step,
  onChange,
}: {
  step: MessageStep;
  onChange: (step: MessageStep, field: string) => void;
}) {
  const classes = step.await?.classes ?? [];
  return (
    <fieldset className="reply-classes" data-testid="reply-classes">
      <legend>Reply classes</legend>
      {classes.length === 0 && (
        <p className="muted small">No classes yet: add one per kind of answer (e.g. yes / no).</p>
      )}
      {classes.map((cls, index) => (
        <div className="reply-class" key={index} data-testid={`reply-class-${index}`}>
          <label className="field field--compact">
            <span>Output id</span>
            <input
              value={cls.id}
              onChange={(e) => onChange(updateReplyClass(step, index, { id: e.target.value }), `class-${index}-id`)}
              data-testid={`reply-class-${index}-id`}
              aria-label={`Reply class ${index + 1} id`}
            />
          </label>
          <label className="field field--compact">
            <span>Label</span>
            <input
              value={cls.label ?? ''}
              onChange={(e) =>
                onChange(updateReplyClass(step, index, { label: e.target.value || undefined }), `class-${index}-label`)
              }
              data-testid={`reply-class-${index}-label`}
              aria-label={`Reply class ${index + 1} label`}
            />
          </label>
          <label className="field field--compact field--wide">
            <span>Matches (comma-separated)</span>
            <ParsedInput
              value={cls.match}
              parse={parseMatchList}
              format={formatMatchList}
              onChange={(match) => onChange(updateReplyClass(step, index, { match }), `class-${index}-match`)}
              placeholder="1, yes, y"
              data-testid={`reply-class-${index}-match`}
              aria-label={`Reply class ${index + 1} matches`}
            />
          </label>
          <button
            type="button"
            className="link danger"
            onClick={() => onChange(removeReplyClass(step, index), 'classes')}
            data-testid={`reply-class-${index}-remove`}
            aria-label={`Remove reply class ${index + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange(addReplyClass(step), 'classes')} data-testid="reply-class-add">
        + Add reply class
      </button>
    </fieldset>
  );
}
