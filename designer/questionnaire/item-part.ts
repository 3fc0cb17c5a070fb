/** What an editor of one part of a question (its answers, its condition) is given. */
import type { QuestionnaireItem } from '../../schema/fhir/index.js';
import type { Draft, DraftChange, ItemPath } from './model.js';

export interface ItemPartProps {
  draft: Draft;
  item: QuestionnaireItem;
  path: ItemPath;
  /** "Question 3 "Feeling down"": the same words the problems use. */
  label: string;
  testId: string;
  onChange: DraftChange;
}
