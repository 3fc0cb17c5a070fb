/** The problems about one field, shown right under it. */
import { useFormContext } from './form-context.js';
import { problemsAt } from './pointers.js';

export function FieldProblems({ pointer, testId }: { pointer: string; testId: string }) {
  const { problems } = useFormContext();
  const here = problemsAt(problems, pointer);
  if (here.length === 0) return null;
  return (
    <ul className="field-problems" data-testid={`${testId}-problems`}>
      {here.map((p, i) => (
        <li key={i} className={`problem problem--${p.severity}`}>
          {p.message}
        </li>
      ))}
    </ul>
  );
}
