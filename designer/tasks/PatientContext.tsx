/** The patient beside the task: contacts, the enrollment, recent messages both ways, assessment answers with scores, earlier tasks. */
import type { TaskDetail } from './tasks-api.js';

export function PatientContext({ context }: { context: TaskDetail['context'] }) {
  const { patient, enrollment, messages, assessments, earlierTasks } = context;
  return (
    <section className="patient-context" data-testid="task-context">
      <h3>Patient</h3>
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="task-patient-name">{patient.name}</dd>
        <dt>Phone</dt>
        <dd>{patient.phone ?? '–'}</dd>
        <dt>Email</dt>
        <dd>{patient.email ?? '–'}</dd>
        <dt>Time zone</dt>
        <dd>{patient.timeZone}</dd>
        <dt>Enrollment</dt>
        <dd>
          {enrollment.status} since {new Date(enrollment.startedAt).toLocaleDateString()}
        </dd>
      </dl>

      <h3>Recent messages</h3>
      {messages.length === 0 ? (
        <p className="muted small">No messages yet.</p>
      ) : (
        <ul className="context-messages" data-testid="task-messages">
          {messages.map((m) => (
            <li key={m.id} className={`bubble bubble--${m.direction}`}>
              <span className="muted small">
                {m.direction === 'inbound' ? 'Patient' : m.channel} · {new Date(m.createdAt).toLocaleString()}
                {m.status === 'failed' && ' · not delivered'}
              </span>
              <div>{m.body}</div>
            </li>
          ))}
        </ul>
      )}

      <h3>Answers and scores</h3>
      {assessments.length === 0 ? (
        <p className="muted small">No assessments answered.</p>
      ) : (
        assessments.map((a, i) => (
          <details key={i} className="assessment" open={i === 0}>
            <summary>
              <code>{a.stepId}</code> · score <strong>{a.score}</strong> · {a.status} ·{' '}
              {new Date(a.createdAt).toLocaleDateString()}
            </summary>
            <ul className="small">
              {a.answers.map((line, j) => (
                <li key={j}>
                  {line.question}: <strong>{line.answer}</strong>
                </li>
              ))}
            </ul>
          </details>
        ))
      )}

      {earlierTasks.length > 0 && (
        <>
          <h3>Earlier tasks</h3>
          <ul className="small">
            {earlierTasks.map((t) => (
              <li key={t.id}>
                {t.title} ({t.stepId}): {t.status}
                {t.outcome && <> · {t.outcome}</>}
                {t.note && <> · “{t.note}”</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
