/** One enrollment on the patient's record: journey, version, status and start, with its path opened on request. */
import { useState } from 'react';
import type { PatientRecord } from './patients-api.js';
import { EnrollmentPathView } from './EnrollmentPathView.js';

type Enrollment = PatientRecord['enrollments'][number];

export function EnrollmentEntry({ enrollment: e }: { enrollment: Enrollment }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-status={e.status} data-testid="patient-enrollment" data-enrollment-id={e.id}>
      {e.journeyName} v{e.versionNumber}: {e.status}
      {e.reason ? ` (${e.reason})` : ''}, since {new Date(e.startedAt).toLocaleString()}{' '}
      <button
        type="button"
        className="link small"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        data-testid="patient-enrollment-path"
      >
        {open ? 'Hide path' : 'Path taken'}
      </button>
      {open && <EnrollmentPathView enrollmentId={e.id} versionId={e.versionId} />}
    </li>
  );
}
