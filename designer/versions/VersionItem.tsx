/** One version in the editor's versions panel: status, hash, awaited disciplines, requested changes, signatures, and its actions (submit, publish, pause, resume, retire). */
import type { ReviewedVersion } from '../api/review.js';
import { hrefOf } from '../app/router.js';
import { SignaturesList } from '../review/SignaturesList.js';
import { useState } from 'react';
import { VersionOperations, type VersionOperationHandlers } from './VersionOperations.js';
import { BulkEnrollDialog } from '../enrollments/BulkEnrollDialog.js';
import { EnrollmentsDialog } from '../enrollments/EnrollmentsDialog.js';
import { MigrationDialog } from '../migration/MigrationDialog.js';

/** Statuses of a version that has (or had) patients running on it. */
export const HAS_RUN: ReviewedVersion['status'][] = ['published', 'paused', 'superseded', 'retired'];

const statusWords: Record<ReviewedVersion['status'], string> = {
  snapshot: 'snapshot, not submitted',
  submitted: 'in review',
  'changes-requested': 'changes requested',
  approved: 'approved',
  published: 'published',
  paused: 'paused',
  superseded: 'superseded',
  retired: 'retired',
};

export function VersionItem({
  version,
  busy,
  onSubmit,
  onPublish,
  onShowComments,
  operations,
  earlier = [],
}: {
  version: ReviewedVersion;
  /** Earlier versions of the journey that have run, newest first: where patients can be moved from. */
  earlier?: { id: string; number: number }[];
  busy: boolean;
  onSubmit: (versionId: string) => void;
  onPublish: (versionId: string) => void;
  onShowComments: (versionId: string) => void;
  operations?: VersionOperationHandlers;
}) {
  const [bulkOpen, setBulkOpen] = useState(false);
  const [enrollmentsOpen, setEnrollmentsOpen] = useState(false);
  const [migrationOpen, setMigrationOpen] = useState(false);
  const hasRun = HAS_RUN.includes(version.status);
  const takesPatients = (version.status === 'approved' || version.status === 'published') && earlier.length > 0;
  const signatures = version.signatures ?? [];
  const required = version.requiredDisciplines ?? [];
  return (
    <li
      className="version"
      data-testid={`version-${version.number}`}
      data-version-id={version.id}
      data-status={version.status}
    >
      <div className="version__head">
        <strong data-testid="version-number">v{version.number}</strong>
        <span className={`status status-${version.status}`} data-testid="version-status">
          {statusWords[version.status]}
        </span>
        {version.status === 'snapshot' && (
          <button
            type="button"
            className="small"
            disabled={busy}
            onClick={() => onSubmit(version.id)}
            data-testid={`submit-version-${version.number}`}
          >
            Submit for review
          </button>
        )}
        {version.status === 'approved' && (
          <button
            type="button"
            className="small primary"
            disabled={busy}
            onClick={() => onPublish(version.id)}
            data-testid={`publish-version-${version.number}`}
          >
            Publish
          </button>
        )}
        {operations && <VersionOperations version={version} busy={busy} {...operations} />}
        {version.status === 'published' && (
          <button
            type="button"
            className="small"
            onClick={() => setBulkOpen(true)}
            data-testid={`bulk-enroll-version-${version.number}`}
          >
            Enroll from CSV
          </button>
        )}
      </div>
      {bulkOpen && <BulkEnrollDialog version={version} onClose={() => setBulkOpen(false)} />}
      {enrollmentsOpen && <EnrollmentsDialog version={version} onClose={() => setEnrollmentsOpen(false)} />}
      {migrationOpen && (
        <MigrationDialog
          version={version}
          earlier={[...earlier].sort((a, b) => b.number - a.number)}
          onClose={() => setMigrationOpen(false)}
        />
      )}
      <code className="hash" title={version.contentHash} data-testid="version-hash">
        {version.contentHash}
      </code>
      <small className="muted">{new Date(version.createdAt).toLocaleString()}</small>
      {version.status === 'submitted' && required.length > 0 && (
        <p className="small" data-testid="version-awaiting">
          Awaiting:{' '}
          {required.filter((d) => !signatures.some((s) => s.discipline === d)).join(', ') || 'nobody (settling)'}
        </p>
      )}
      {version.changesRequested && (
        <p className="error-text small" data-testid="version-changes-requested">
          Changes requested by {version.changesRequested.by.name} ({version.changesRequested.discipline}):{' '}
          {version.changesRequested.reason}
        </p>
      )}
      {signatures.length > 0 && (
        <SignaturesList signatures={signatures} testId={`version-signatures-${version.number}`} />
      )}
      <p className="small version__links">
        <button
          type="button"
          className="link"
          onClick={() => onShowComments(version.id)}
          data-testid={`version-comments-${version.number}`}
        >
          Comments
        </button>
        {hasRun && (
          <button
            type="button"
            className="link"
            onClick={() => setEnrollmentsOpen(true)}
            data-testid={`version-enrollments-${version.number}`}
          >
            Enrollments
          </button>
        )}
        {hasRun && (
          <a
            className="link"
            href={hrefOf({ page: 'hygiene', journeyId: version.journeyId, versionId: version.id })}
            data-testid={`version-hygiene-${version.number}`}
          >
            Contact hygiene
          </a>
        )}
        {takesPatients && (
          <button
            type="button"
            className="link"
            onClick={() => setMigrationOpen(true)}
            data-testid={`version-migrate-${version.number}`}
          >
            Move patients from an earlier version…
          </button>
        )}
        {version.status !== 'snapshot' && (
          <a href={hrefOf({ page: 'review', versionId: version.id })} data-testid={`version-review-${version.number}`}>
            Open the review
          </a>
        )}
      </p>
    </li>
  );
}
