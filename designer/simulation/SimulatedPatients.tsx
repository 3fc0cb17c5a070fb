/** The simulated patients of a run, and the path of the one opened: its steps in order with their simulated times. */
import type { JourneyDocument } from '../../schema/index.js';
import type { PatientResult } from '../../runtime/simulator/index.js';
import type { PatientRow } from './protocol.js';

/** Enough to find a patient of each kind; the counts on the canvas cover the rest. */
const LISTED = 300;

interface Props {
  patients: PatientRow[];
  document: JourneyDocument;
  openId?: string;
  /** The open patient's path, once the worker has sent it. */
  open?: PatientResult;
  onOpen: (patientId: string | undefined) => void;
}

export function SimulatedPatients({ patients, document, openId, open, onOpen }: Props) {
  const stepName = (id: string) => document.steps[id]?.name || id;
  return (
    <div className="simulated-patients">
      <h3 className="small">Simulated patients</h3>
      <ul className="simulated-patient-list" data-testid="simulated-patients">
        {patients.slice(0, LISTED).map((p) => (
          <li key={p.patientId}>
            <button
              type="button"
              className={`link${p.patientId === openId ? ' is-active' : ''}`}
              aria-pressed={p.patientId === openId}
              onClick={() => onOpen(p.patientId === openId ? undefined : p.patientId)}
              data-testid="simulated-patient"
              data-patient-id={p.patientId}
            >
              {p.patientId}
            </button>{' '}
            <span className="muted small">
              {p.personaId} · <span className={`status status-${p.status}`}>{p.status}</span> · {p.steps} steps
            </span>
          </li>
        ))}
      </ul>
      {patients.length > LISTED && (
        <p className="muted small">
          The first {LISTED} of {patients.length} are listed.
        </p>
      )}
      {open && (
        <section className="simulated-path" aria-label={`Path of ${open.patientId}`} data-testid="simulated-path">
          <h3 className="small">
            {open.patientId} ({open.personaId}, {open.timeZone}): {open.status}
            {open.reason ? ` — ${open.reason}` : open.stoppedBy ? ` — stopped by the ${open.stoppedBy}` : ''}
          </h3>
          <ol className="path-list">
            {open.path.map((entry, i) => (
              <li key={i} data-testid="simulated-path-entry" data-step={entry.step} data-output={entry.output}>
                <time dateTime={entry.enteredAt} className="muted small">
                  {entry.enteredLocal}
                </time>{' '}
                <strong>{stepName(entry.step)}</strong>
                {entry.output ? (
                  <>
                    {' '}
                    → <code>{entry.output}</code>
                  </>
                ) : (
                  <span className="muted"> (here at the end)</span>
                )}
                {entry.detail && <small className="muted"> · {entry.detail}</small>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
