/** The audit trail for an admin or reviewer: verify the keyed chain now, and download the records of one entity or a time range. */
import { useState } from 'react';
import { useSubmit } from '../app/useSubmit.js';
import { adminApi, auditExportHref } from './admin-api.js';

type Verdict = Awaited<ReturnType<typeof adminApi.verifyAudit>>;

export function AuditPanel() {
  const [verdict, setVerdict] = useState<Verdict>();
  const [entityId, setEntityId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const verify = useSubmit(async () => setVerdict(await adminApi.verifyAudit()));
  const filter = { entityId: entityId.trim() || undefined, from: from || undefined, to: to || undefined };

  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-panel">
      <h2 id="audit-title">Audit trail</h2>
      <div className="inline-form">
        <button type="button" onClick={verify.submit} disabled={verify.busy} data-testid="audit-verify">
          Verify the audit trail
        </button>
        {verdict?.ok && (
          <span className="ok-text" data-testid="audit-verdict">
            Intact: {verdict.rows} records verified.
          </span>
        )}
        {verdict && !verdict.ok && (
          <span className="error-text" role="alert" data-testid="audit-verdict">
            Broken at record {verdict.brokenAt}: {verdict.reason}.
          </span>
        )}
        {verify.error && <span className="error-text">{verify.error}</span>}
      </div>
      <h3>Export</h3>
      <p className="muted small">
        The records of one version, journey or user (its id), or of a time range; leave all empty for the whole trail.
        Every export is itself recorded.
      </p>
      <div className="form-row">
        <label className="field">
          Entity id
          <input
            value={entityId}
            onChange={(e) => setEntityId(e.target.value)}
            placeholder="ver_…"
            data-testid="audit-entity"
          />
        </label>
        <label className="field">
          From
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="audit-from"
          />
        </label>
        <label className="field">
          To
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} data-testid="audit-to" />
        </label>
      </div>
      <div className="inline-form">
        <a className="button" href={auditExportHref('csv', filter)} download data-testid="audit-export-csv">
          Download CSV
        </a>
        <a className="button" href={auditExportHref('json', filter)} download data-testid="audit-export-json">
          Download JSON
        </a>
      </div>
    </section>
  );
}
