/** Enroll patients from a CSV file into a published version: pick the file, see every row's problems, then "Enroll N patients". */
import { useState } from 'react';
import type { Version } from '../api/types.js';
import { errorMessage } from '../api/client.js';
import { bulkApi, type BulkPreview, type BulkResult } from './bulk-api.js';
import { BulkRowsTable } from './BulkRowsTable.js';
import { Dialog } from '../app/Dialog.js';

export function BulkEnrollDialog({ version, onClose }: { version: Version; onClose: () => void }) {
  const [csv, setCsv] = useState<string>();
  const [preview, setPreview] = useState<BulkPreview>();
  const [result, setResult] = useState<BulkResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const pick = (file: File | undefined) =>
    file &&
    void run(async () => {
      const text = await file.text();
      setCsv(text);
      setResult(undefined);
      setPreview(await bulkApi.preview(version.id, text));
    });

  const enroll = () => csv && void run(async () => setResult(await bulkApi.run(version.id, csv)));

  const shown = result ?? preview;
  const ready = preview?.counts.ready ?? 0;
  return (
    <Dialog labelledBy="bulk-title" onClose={onClose} testId="bulk-dialog" style={{ width: 760 }}>
      <h2 id="bulk-title">Enroll patients from a CSV file into v{version.number}</h2>
      <p className="muted small">
        Columns: name, phone and/or email, timeZone (such as America/New_York), consent ("yes" or channels such as "sms;
        email"), and any attribute the journey declares. Nothing is written until you enroll; a file enrolled again
        enrolls nobody twice.
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        onChange={(e) => pick(e.target.files?.[0])}
        data-testid="bulk-file"
      />
      {shown && (
        <p data-testid="bulk-summary">
          {result
            ? `${result.counts.enrolled} enrolled, ${result.counts.alreadyEnrolled} already enrolled, ${result.counts.problems} with problems${result.counts.failed ? `, ${result.counts.failed} failed (enroll the file again to retry)` : ''}.`
            : `${shown.counts.rows} rows: ${shown.counts.ready} ready, ${shown.counts.problems} with problems, ${shown.counts.alreadyEnrolled} already enrolled.`}
        </p>
      )}
      {shown && <BulkRowsTable rows={shown.rows} enrolled={!!result} />}
      {error && (
        <p className="error-text" role="alert" data-testid="bulk-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} data-testid="bulk-close">
          {result ? 'Close' : 'Cancel'}
        </button>
        {!result && (
          <button
            type="button"
            className="primary"
            disabled={busy || ready === 0}
            onClick={enroll}
            data-testid="bulk-enroll"
          >
            {busy && preview ? 'Enrolling…' : `Enroll ${ready} patient${ready === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
    </Dialog>
  );
}
