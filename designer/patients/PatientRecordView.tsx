/** One patient's record: contacts and their state, consents, enrollments with the path each took, messages both ways, assessment scores, tasks. */
import { hrefOf } from '../app/router.js';
import type { PatientRecord } from './patients-api.js';
import { EnrollmentEntry } from './EnrollmentEntry.js';

const when = (iso: string) => new Date(iso).toLocaleString();

function ContactLine({ label, contact }: { label: string; contact: PatientRecord['contacts']['phone'] }) {
  if (!contact) return null;
  const state =
    contact.state === 'opted-out'
      ? `opted out (${contact.keyword ?? ''} ${contact.optedOutAt ? when(contact.optedOutAt) : ''})`
      : contact.state === 'bad'
        ? `not working: ${contact.problem ?? ''}`
        : 'ok';
  return (
    <li data-testid={`patient-contact-${label}`} data-state={contact.state}>
      {label}: {contact.address} — {state}
      {contact.sharedWith && (
        // A family phone or a shared mailbox: a STOP, a bounce or a reply on it concerns every one of them.
        <span style={{ color: 'var(--warn)' }} data-testid={`patient-contact-${label}-shared`}>
          {' '}
          (also the {label} of{' '}
          {contact.sharedWith.map((p, n) => (
            <span key={p.id}>
              {n > 0 ? ', ' : ''}
              <a href={hrefOf({ page: 'patients', patientId: p.id })}>{p.name}</a>
            </span>
          ))}
          )
        </span>
      )}
    </li>
  );
}

export function PatientRecordView({ record }: { record: PatientRecord }) {
  const { patient } = record;
  return (
    <section className="card" data-testid="patient-record" aria-label={patient.name}>
      <h2 data-testid="patient-name">{patient.name}</h2>
      <p className="muted small">Time zone {patient.timeZone}</p>
      <h3>Contacts</h3>
      <ul>
        <ContactLine label="phone" contact={record.contacts.phone} />
        <ContactLine label="email" contact={record.contacts.email} />
      </ul>
      <h3>Consent</h3>
      <ul data-testid="patient-consents">
        {record.consents.length === 0 && <li className="muted">None recorded</li>}
        {record.consents.map((c, i) => (
          <li key={i}>
            {c.channel} for "{c.purpose}": {c.status} ({c.source}, {when(c.recordedAt)})
          </li>
        ))}
      </ul>
      <h3>Enrollments</h3>
      <ul data-testid="patient-enrollments">
        {record.enrollments.length === 0 && <li className="muted">None</li>}
        {record.enrollments.map((e) => (
          <EnrollmentEntry key={e.id} enrollment={e} />
        ))}
      </ul>
      <h3>Messages</h3>
      <ul data-testid="patient-messages">
        {record.messages.length === 0 && <li className="muted">None</li>}
        {record.messages.map((m) => (
          <li key={m.id} data-direction={m.direction}>
            {m.direction === 'inbound' ? '←' : '→'} {m.channel} {when(m.createdAt)}: {m.body}{' '}
            <span className="muted">({m.status})</span>
          </li>
        ))}
      </ul>
      <h3>Assessments</h3>
      <ul data-testid="patient-assessments">
        {record.assessments.length === 0 && <li className="muted">None</li>}
        {record.assessments.map((a, i) => (
          <li key={i}>
            {a.stepId}: score {a.score} ({when(a.createdAt)})
          </li>
        ))}
      </ul>
      <h3>Tasks</h3>
      <ul data-testid="patient-tasks">
        {record.tasks.length === 0 && <li className="muted">None</li>}
        {record.tasks.map((t) => (
          <li key={t.id}>
            {t.title} ({t.queue}): {t.status}
            {t.outcome ? ` — ${t.outcome}` : ''}
            {t.cancelReason ? ` — ${t.cancelReason}` : ''}, due {when(t.dueAt)}
          </li>
        ))}
      </ul>
    </section>
  );
}
