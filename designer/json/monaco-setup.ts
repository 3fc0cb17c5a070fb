/** Monaco from the local monaco-editor package (never a CDN), with its editor and JSON workers bundled by Vite. */
import * as monaco from 'monaco-editor';
import { loader } from '@monaco-editor/react';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker.js?worker';
import { journeyJsonSchema } from '../../schema/index.js';

/** The model path the journey schema is bound to. */
export const journeyModelPath = 'carepath-journey.json';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  enableSchemaRequest: false,
  schemaValidation: 'error',
  schemas: [
    { uri: 'https://carepath.local/schema/journey.json', fileMatch: [journeyModelPath], schema: journeyJsonSchema() },
  ],
});

loader.config({ monaco });
