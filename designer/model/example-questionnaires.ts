/** The example questionnaires shipped in examples/questionnaires, found at build time so a new file there shows up in the "Load example" menu. */
import { Questionnaire } from '../../schema/fhir/index.js';

const files = import.meta.glob('../../examples/questionnaires/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

export interface ExampleQuestionnaire {
  id: string;
  title: string;
  questionnaire: Questionnaire;
}

export const exampleQuestionnaires: ExampleQuestionnaire[] = Object.entries(files)
  .flatMap(([path, json]) => {
    const parsed = Questionnaire.safeParse(json);
    // A broken example is the examples' problem, not a reason to break the inspector.
    if (!parsed.success) return [];
    const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
    return [{ id, title: parsed.data.title ?? id, questionnaire: parsed.data }];
  })
  .sort((a, b) => a.id.localeCompare(b.id));
