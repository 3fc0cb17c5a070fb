/** The JSON tab: the whole journey in Monaco, checked against the journey JSON Schema; valid edits update the document, canvas edits update the text. */
import './monaco-setup.js';
import { useEffect, useRef, useState } from 'react';
import Editor from '@monaco-editor/react';
import type { JourneyDocument } from '../../schema/index.js';
import type { JourneyChange } from '../model/changes.js';
import type { RecordOptions } from '../model/history.js';
import { formatDocument, readDocumentText, textMatches } from './document-text.js';
import { journeyModelPath } from './monaco-setup.js';

interface Props {
  document: JourneyDocument;
  apply: (change: JourneyChange, options?: Omit<RecordOptions, 'now'>) => void;
}

export default function JsonEditor({ document, apply }: Props) {
  const [text, setText] = useState(() => formatDocument(document));
  const [error, setError] = useState<string>();
  const textRef = useRef(text);
  textRef.current = text;

  // A change made elsewhere (canvas, inspector, undo) rewrites the text; our own edits already match it, so typing is never disturbed.
  useEffect(() => {
    if (!textMatches(textRef.current, document)) {
      setText(formatDocument(document));
      setError(undefined);
    }
  }, [document]);

  function onChange(value: string | undefined) {
    const next = value ?? '';
    setText(next);
    const parsed = readDocumentText(next);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(undefined);
    if (!textMatches(formatDocument(document), parsed.document)) {
      apply({ type: 'replace-document', document: parsed.document }, { coalesceKey: 'json' });
    }
  }

  return (
    <div className="json-editor" data-testid="json-editor">
      <div className={`json-status${error ? ' is-error' : ''}`} role="status" data-testid="json-status">
        {error
          ? `Not applied — ${error}`
          : 'In step with the canvas. Edits that are valid JSON and a journey document apply at once.'}
      </div>
      <div className="json-monaco">
        <Editor
          path={journeyModelPath}
          language="json"
          value={text}
          onChange={onChange}
          options={{
            minimap: { enabled: false },
            fontSize: 13,
            tabSize: 2,
            scrollBeyondLastLine: false,
            automaticLayout: true,
            wordWrap: 'on',
          }}
          loading={<div className="muted">Loading editor…</div>}
        />
      </div>
    </div>
  );
}
