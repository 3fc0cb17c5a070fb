/** One item of the questionnaire builder: its text, id, type and required flag, its answers or condition, and moving it. */
import type { KeyboardEvent } from 'react';
import type { QuestionnaireItem, QuestionnaireItemType } from '../../schema/fhir/index.js';
import { AnswerOptions } from './AnswerOptions.js';
import { ConditionEditor } from './ConditionEditor.js';
import {
  changeType,
  editKey,
  moveItem,
  removeItem,
  structuralKey,
  updateItem,
  type Draft,
  type DraftChange,
  type ItemPath,
} from './model.js';

export const itemTypes: Array<{ type: QuestionnaireItemType; label: string }> = [
  { type: 'choice', label: 'Choice' },
  { type: 'integer', label: 'Whole number' },
  { type: 'decimal', label: 'Decimal number' },
  { type: 'boolean', label: 'Yes / no' },
  { type: 'string', label: 'Short text' },
  { type: 'text', label: 'Long text' },
  { type: 'display', label: 'Text shown (no answer)' },
  { type: 'group', label: 'Group' },
];

export interface ItemCardProps {
  draft: Draft;
  item: QuestionnaireItem;
  path: ItemPath;
  /** "Question 3 "Feeling down"": the same words the problems use. */
  label: string;
  testId: string;
  /** `focus`: the item whose handle takes the focus after the change (a keyboard move). */
  onChange: (draft: Draft, field?: string, focus?: ItemPath) => void;
  renderChildren: (items: QuestionnaireItem[], path: ItemPath) => React.ReactNode;
}

export function ItemCard({ draft, item, path, label, testId, onChange, renderChildren }: ItemCardProps) {
  const set = (patch: Partial<QuestionnaireItem>, field: string) => onChange(updateItem(draft, path, patch), field);
  const structural: DraftChange = (next) => onChange(next, structuralKey());
  const move = (delta: -1 | 1) => {
    const moved = moveItem(draft, path, delta);
    if (moved.draft !== draft) onChange(moved.draft, structuralKey(), moved.path);
  };
  // Alt+↑ / Alt+↓ on the card's handle reorders from the keyboard, as the buttons do with the mouse.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };
  const asked = item.type !== 'display' && item.type !== 'group';
  return (
    <li className="qb-item" data-testid={testId} data-link-id={item.linkId}>
      <div className="qb-item__head">
        <button
          type="button"
          className="qb-item__handle"
          aria-label={`${label}: press Alt+Up or Alt+Down to move`}
          onKeyDown={onKeyDown}
          data-testid={`${testId}-handle`}
          data-item-path={path.join('-')}
        >
          {label}
        </button>
        <button
          type="button"
          className="icon"
          onClick={() => move(-1)}
          aria-label={`Move ${label} up`}
          data-testid={`${testId}-up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          onClick={() => move(1)}
          aria-label={`Move ${label} down`}
          data-testid={`${testId}-down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="icon danger"
          onClick={() => structural(removeItem(draft, path))}
          aria-label={`Remove ${label}`}
          data-testid={`${testId}-remove`}
        >
          ✕
        </button>
      </div>
      <label className="field field--compact field--wide">
        <span>{item.type === 'display' ? 'Text' : 'Question'}</span>
        <textarea
          rows={2}
          value={item.text ?? ''}
          onChange={(e) =>
            set({ text: e.target.value === '' ? undefined : e.target.value }, editKey(path.join('.'), 'text'))
          }
          aria-label={`${label} text`}
          data-testid={`${testId}-text`}
        />
      </label>
      <div className="qb-item__row">
        <label className="field field--compact">
          <span>Type</span>
          <select
            value={item.type}
            onChange={(e) => structural(changeType(draft, path, e.target.value as QuestionnaireItemType))}
            aria-label={`${label} type`}
            data-testid={`${testId}-type`}
          >
            {itemTypes.map((t) => (
              <option key={t.type} value={t.type}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field field--compact">
          <span>Id (linkId)</span>
          <input
            value={item.linkId}
            onChange={(e) => set({ linkId: e.target.value }, editKey(path.join('.'), 'linkId'))}
            aria-label={`${label} id`}
            data-testid={`${testId}-link-id`}
          />
        </label>
        {asked && (
          <label className="qb-check">
            <input
              type="checkbox"
              checked={item.required === true}
              onChange={(e) => set({ required: e.target.checked || undefined }, structuralKey())}
              data-testid={`${testId}-required`}
            />
            Required
          </label>
        )}
      </div>
      {item.type === 'choice' && (
        <AnswerOptions
          draft={draft}
          item={item}
          path={path}
          label={label}
          testId={`${testId}-option`}
          onChange={onChange}
        />
      )}
      {item.type === 'group' && renderChildren(item.item ?? [], path)}
      <ConditionEditor
        draft={draft}
        item={item}
        path={path}
        label={label}
        testId={`${testId}-condition`}
        onChange={onChange}
      />
    </li>
  );
}
