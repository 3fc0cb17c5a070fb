/** Every validation problem of the journey; pressing one selects the step it belongs to, or opens the journey settings for journey-level ones. */
import type { Problem } from '../../schema/index.js';

export function ProblemsPanel({
  problems,
  onSelectStep,
  onOpenSettings,
}: {
  problems: Problem[];
  onSelectStep: (stepId: string) => void;
  onOpenSettings?: () => void;
}) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="panel problems" aria-label="Problems" data-testid="problems-panel" data-count={problems.length}>
      <h2 className="panel-title">
        Problems{' '}
        <span className={`count${errors ? ' count--error' : ' count--ok'}`} data-testid="problems-count">
          {problems.length}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="ok-text" data-testid="problems-none">
          No problems: this journey can be published.
        </p>
      ) : (
        <ul className="problem-list" data-testid="problems-list">
          {problems.map((problem, i) => (
            <li key={`${problem.code}-${problem.pointer}-${i}`}>
              <button
                type="button"
                className={`problem problem--${problem.severity}`}
                disabled={!problem.stepId && !onOpenSettings}
                onClick={() => (problem.stepId ? onSelectStep(problem.stepId) : onOpenSettings?.())}
                data-testid="problem-item"
                data-step-id={problem.stepId}
                data-code={problem.code}
              >
                <span className="problem__severity">{problem.severity}</span> {problem.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
