/** "Enroll a test patient": creates a patient (name, phone, time zone) and enrolls them in the published version. */
import { useState } from 'react';
import { api } from '../api/client.js';
import { useSubmit } from '../app/useSubmit.js';
import type { Enrollment, Patient, Version } from '../api/types.js';
import { Dialog } from '../app/Dialog.js';

interface Props {
  version: Version;
  onEnrolled: (enrollment: Enrollment, patient: Patient) => void;
  onClose: () => void;
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function EnrollDialog({ version, onEnrolled, onClose }: Props) {
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const { submit, busy, error } = useSubmit(async () => {
    const { patient } = await api.createPatient({
      name: name.trim(),
      phone: phone.trim() || undefined,
      timeZone: timeZone.trim(),
      // Marked as a test patient, so the phone panel may reply on their behalf.
      test: true,
    });
    const { enrollment } = await api.enroll(version.id, patient.id);
    onEnrolled(enrollment, patient);
  });

  return (
    <Dialog labelledBy="enroll-title" onClose={onClose} testId="enroll-dialog" onSubmit={submit}>
      <h2 id="enroll-title">Enroll a test patient</h2>
      <p className="muted small">
        Into version v{version.number} (published). Messages go to the development channel: the patient's phone slides
        in over the canvas.
      </p>
      <label className="field">
        <span>Patient name</span>
        <input required autoFocus value={name} onChange={(e) => setName(e.target.value)} data-testid="enroll-name" />
      </label>
      <label className="field">
        <span>Phone</span>
        <input
          type="tel"
          value={phone}
          placeholder="+15555550100"
          onChange={(e) => setPhone(e.target.value)}
          data-testid="enroll-phone"
        />
      </label>
      <label className="field">
        <span>Time zone</span>
        <input required value={timeZone} onChange={(e) => setTimeZone(e.target.value)} data-testid="enroll-timezone" />
      </label>
      {error && (
        <p className="error-text" role="alert" data-testid="enroll-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="enroll-cancel">
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !name.trim()} data-testid="enroll-submit">
          {busy ? 'Enrolling…' : 'Enroll'}
        </button>
      </div>
    </Dialog>
  );
}
