/** Word-by-word difference of one field's old and new text, as runs of kept, added and removed words (the `diff` package). */
import { diffWordsWithSpace } from 'diff';

export interface WordRun {
  text: string;
  change: 'same' | 'added' | 'removed';
}

export function wordDiff(before: string | undefined, after: string | undefined): WordRun[] {
  return diffWordsWithSpace(before ?? '', after ?? '').map((part) => ({
    text: part.value,
    change: part.added ? 'added' : part.removed ? 'removed' : 'same',
  }));
}
