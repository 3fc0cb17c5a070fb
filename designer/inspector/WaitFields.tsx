/** Inspector fields of a wait step: the kind (duration, time of day, attribute date) and its settings, with a reading in words. */
import { describeDuration, isDuration, Weekday, type WaitSpec, type WaitStep } from '../../schema/index.js';
import { describeWait } from '../model/step-summary.js';
import { Field } from './Field.js';

const kinds: Array<{ kind: WaitSpec['kind']; label: string }> = [
  { kind: 'duration', label: 'For a duration' },
  { kind: 'time-of-day', label: 'Until a time of day' },
  { kind: 'attribute-date', label: 'Until a date of the patient' },
];

/** A fresh spec of another kind; the duration survives a round trip through the select only when it is the same kind. */
function specOfKind(kind: WaitSpec['kind']): WaitSpec {
  if (kind === 'duration') return { kind, duration: 'P1D' };
  if (kind === 'time-of-day') return { kind, time: '09:00' };
  return { kind, attribute: '', time: '09:00' };
}

/** `dateAttributes`: the journey's declared date attributes, offered while typing the attribute name. */
export function WaitFields({
  step,
  onChange,
  dateAttributes = [],
}: {
  step: WaitStep;
  onChange: (step: WaitStep, field: string) => void;
  dateAttributes?: string[];
}) {
  const wait = step.wait;
  const set = (next: WaitSpec, field: string) => onChange({ ...step, wait: next }, field);
  return (
    <>
      <Field label="Wait">
        <select
          value={wait.kind}
          onChange={(e) => set(specOfKind(e.target.value as WaitSpec['kind']), 'kind')}
          data-testid="inspector-wait-kind"
        >
          {kinds.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </Field>
      {wait.kind === 'duration' && (
        <DurationField value={wait.duration} onChange={(duration) => set({ ...wait, duration }, 'duration')} />
      )}
      {wait.kind === 'time-of-day' && (
        <>
          <Field label="Local time (HH:MM)">
            <input
              type="time"
              value={wait.time}
              onChange={(e) => set({ ...wait, time: e.target.value }, 'time')}
              data-testid="inspector-wait-time"
            />
          </Field>
          <fieldset className="weekdays" data-testid="inspector-wait-weekdays">
            <legend>Only on (every day when none)</legend>
            {Weekday.options.map((day) => (
              <label key={day} className="toggle toggle--inline">
                <input
                  type="checkbox"
                  checked={wait.weekdays?.includes(day) ?? false}
                  onChange={(e) => {
                    const days = Weekday.options.filter((d) =>
                      d === day ? e.target.checked : wait.weekdays?.includes(d),
                    );
                    set({ ...wait, weekdays: days.length ? days : undefined }, 'weekdays');
                  }}
                />
                <span>{day}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}
      {wait.kind === 'attribute-date' && (
        <>
          <Field label="Date attribute" hint="A patient attribute of type date, e.g. refillDueDate">
            <input
              value={wait.attribute}
              list="wait-date-attributes"
              onChange={(e) => set({ ...wait, attribute: e.target.value }, 'attribute')}
              data-testid="inspector-wait-attribute"
            />
            <datalist id="wait-date-attributes">
              {dateAttributes.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </Field>
          <Field label="Offset (ISO 8601, - for before)" hint="-P3D = three days before; empty = on the day">
            <input
              value={wait.offset ?? ''}
              onChange={(e) => set({ ...wait, offset: e.target.value || undefined }, 'offset')}
              aria-invalid={wait.offset !== undefined && !isDuration(wait.offset)}
              data-testid="inspector-wait-offset"
            />
          </Field>
          <Field label="Local time (HH:MM)">
            <input
              type="time"
              value={wait.time ?? '09:00'}
              onChange={(e) => set({ ...wait, time: e.target.value }, 'time')}
              data-testid="inspector-wait-time"
            />
          </Field>
        </>
      )}
      {wait.kind !== 'duration' && (
        <p className="muted small" data-testid="inspector-wait-reading">
          {describeWait(wait)}
        </p>
      )}
    </>
  );
}

function DurationField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const valid = isDuration(value);
  return (
    <Field
      label="Wait for (ISO 8601 duration)"
      hint="P2D = 2 days, PT4H = 4 hours, PT30M = 30 minutes, PT5S = 5 seconds"
    >
      <div className="duration-input">
        <input
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={!valid}
          data-testid="inspector-wait-duration"
        />
        <output
          className={valid ? 'duration-reading' : 'duration-reading is-invalid'}
          data-testid="inspector-duration-reading"
        >
          {valid ? describeDuration(value) : 'not a duration'}
        </output>
      </div>
    </Field>
  );
}
