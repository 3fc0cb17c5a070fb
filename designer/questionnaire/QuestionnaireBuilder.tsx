/** The questionnaire builder: items, answers with scores, conditions, bands and a live total, over the embedded FHIR Questionnaire. */
import { useState } from 'react';
import {
  exportFileName,
  exportQuestionnaire,
  type ImportNote,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireItemType,
} from '../../schema/fhir/index.js';
import { itemLabels } from '../../schema/fhir/labels.js';
import { BandsEditor } from './BandsEditor.js';
import { ImportNotes, ImportPanel } from './ImportPanel.js';
import { ItemCard, itemTypes } from './ItemCard.js';
import {
  addItem,
  editKey,
  structuralKey,
  withRequiredFields,
  type Draft,
  type DraftChange,
  type ItemPath,
} from './model.js';
import { ScorePreview } from './ScorePreview.js';
import './questionnaire.css';

export function QuestionnaireBuilder({
  draft,
  testId,
  onChange: report,
}: {
  draft: Draft;
  testId: string;
  onChange: DraftChange;
}) {
  const onChange: DraftChange = (next, field) => report(withRequiredFields(next), field);
  const [newType, setNewType] = useState<QuestionnaireItemType>('choice');
  const [importing, setImporting] = useState(false);
  const [importNotes, setImportNotes] = useState<ImportNote[]>([]);
  const labels = itemLabels(draft as unknown as Questionnaire);
  // After a keyboard move the moved item's handle keeps the focus, so Alt+↑ can be pressed again.
  const change = (next: Draft, field?: string, focus?: ItemPath) => {
    onChange(next, field);
    if (focus)
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(`[data-testid^="${testId}-item"][data-item-path="${focus.join('-')}"]`)
          ?.focus(),
      );
  };
  const renderItems = (items: QuestionnaireItem[], parent: ItemPath) => (
    <ol className="qb-items">
      {items.map((item, index) => {
        const path = [...parent, index];
        return (
          <ItemCard
            key={`${item.linkId}-${index}`}
            draft={draft}
            item={item}
            path={path}
            label={labels.get(item.linkId) ?? item.linkId}
            testId={`${testId}-item-${path.join('-')}`}
            onChange={change}
            renderChildren={renderItems}
          />
        );
      })}
    </ol>
  );
  const download = () => {
    const exported = exportQuestionnaire(draft as unknown as Questionnaire);
    const url = URL.createObjectURL(new Blob([JSON.stringify(exported, null, 2)], { type: 'application/fhir+json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: exportFileName(exported) });
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <div className="qb" data-testid={testId}>
      <div className="qb-item__row">
        <label className="field field--compact field--wide">
          <span>Title</span>
          <input
            value={draft.title ?? ''}
            onChange={(e) => onChange({ ...draft, title: e.target.value }, editKey('title'))}
            data-testid={`${testId}-title`}
          />
        </label>
      </div>
      <div className="qb-item__row">
        <button
          type="button"
          className="secondary small"
          onClick={() => setImporting(!importing)}
          aria-expanded={importing}
          data-testid={`${testId}-import`}
        >
          Import FHIR…
        </button>
        <button type="button" className="secondary small" onClick={download} data-testid={`${testId}-export`}>
          Export FHIR
        </button>
      </div>
      {importing && (
        <ImportPanel
          testId={`${testId}-import-panel`}
          onClose={() => setImporting(false)}
          onImport={(questionnaire, notes) => {
            onChange(questionnaire as unknown as Draft, structuralKey());
            setImportNotes(notes);
            setImporting(false);
          }}
        />
      )}
      <ImportNotes notes={importNotes} testId={`${testId}-import-notes`} />
      {draft.item.length === 0 && <p className="muted small">No questions yet: add the first one below.</p>}
      {renderItems(draft.item, [])}
      <div className="qb-item__row qb-add">
        <select
          value={newType}
          onChange={(e) => setNewType(e.target.value as QuestionnaireItemType)}
          aria-label="Type of the new item"
          data-testid={`${testId}-new-type`}
        >
          {itemTypes.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary small"
          onClick={() => {
            const added = addItem(draft, newType);
            change(added.draft, structuralKey());
          }}
          data-testid={`${testId}-add`}
        >
          Add question
        </button>
      </div>
      <BandsEditor draft={draft} testId={`${testId}-bands`} onChange={onChange} />
      <ScorePreview draft={draft} testId={`${testId}-preview`} />
    </div>
  );
}
