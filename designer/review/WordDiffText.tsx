/** One field's old and new text, word by word: removed words struck through, added words underlined, each also named for screen readers. */
import { wordDiff } from './word-diff.js';

export function WordDiffText({ before, after }: { before?: string; after?: string }) {
  return (
    <span className="word-diff">
      {wordDiff(before, after).map((run, i) =>
        run.change === 'added' ? (
          <ins key={i} className="word-added" aria-label={`added: ${run.text}`}>
            {run.text}
          </ins>
        ) : run.change === 'removed' ? (
          <del key={i} className="word-removed" aria-label={`removed: ${run.text}`}>
            {run.text}
          </del>
        ) : (
          <span key={i}>{run.text}</span>
        ),
      )}
    </span>
  );
}
