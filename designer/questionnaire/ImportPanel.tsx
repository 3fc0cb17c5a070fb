/** "Import FHIR…": a published Questionnaire pasted or chosen as a file, converted, with a note for everything it changed. */
import { useState } from 'react';
import { importQuestionnaireText, type ImportNote, type Questionnaire } from '../../schema/fhir/index.js';

export function ImportPanel({
  testId,
  onImport,
  onClose,
}: {
  testId: string;
  onImport: (questionnaire: Questionnaire, notes: ImportNote[]) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const [notes, setNotes] = useState<ImportNote[]>([]);
  const run = (source: string) => {
    const result = importQuestionnaireText(source);
    if (result.questionnaire) onImport(result.questionnaire, result.notes);
    else setNotes(result.notes);
  };
  return (
    <section className="qb-import" aria-label="Import a FHIR questionnaire" data-testid={testId}>
      <p className="small">Paste a FHIR R4 Questionnaire (JSON), or choose its file. It replaces this questionnaire.</p>
      <textarea
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label="FHIR Questionnaire JSON"
        spellCheck={false}
        data-testid={`${testId}-text`}
      />
      <div className="qb-item__row">
        <input
          type="file"
          accept=".json,application/json,application/fhir+json"
          aria-label="Questionnaire file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) run(await file.text());
          }}
          data-testid={`${testId}-file`}
        />
        <button
          type="button"
          className="primary small"
          disabled={text.trim() === ''}
          onClick={() => run(text)}
          data-testid={`${testId}-run`}
        >
          Import
        </button>
        <button type="button" className="secondary small" onClick={onClose}>
          Cancel
        </button>
      </div>
      <ImportNotes notes={notes} testId={`${testId}-notes`} />
    </section>
  );
}

export function ImportNotes({ notes, testId }: { notes: readonly ImportNote[]; testId: string }) {
  if (notes.length === 0) return null;
  return (
    <ul className="field-problems" data-testid={testId}>
      {notes.map((note, i) => (
        <li key={i} className={`problem problem--${note.severity}`}>
          {note.message}
        </li>
      ))}
    </ul>
  );
}
