/** Inspector fields of a wait step: the duration as ISO 8601 text, with its reading in words beside it. */
import { describeDuration, isDuration, type WaitStep } from '../../schema/index.js';
import { Field } from './Field.js';

export function WaitFields({ step, onChange }: { step: WaitStep; onChange: (step: WaitStep, field: string) => void }) {
  const duration = step.wait.duration;
  const valid = isDuration(duration);
  return (
    <Field label="Wait for (ISO 8601 duration)" hint="P2D = 2 days, PT4H = 4 hours, PT30M = 30 minutes, PT5S = 5 seconds">
      <div className="duration-input">
        <input
          value={duration}
          onChange={(e) => onChange({ ...step, wait: { ...step.wait, duration: e.target.value } }, 'duration')}
          aria-invalid={!valid}
          data-testid="inspector-wait-duration"
        />
        <output className={valid ? 'duration-reading' : 'duration-reading is-invalid'} data-testid="inspector-duration-reading">
          {valid ? describeDuration(duration) : 'not a duration'}
        </output>
      </div>
    </Field>
  );
}
