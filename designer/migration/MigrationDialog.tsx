/** "Move patients from an earlier version…": choose the old version, complete the step mapping, read the dry run, move the patients and follow the progress. */
import { useEffect, useState } from 'react';
import type { Version } from '../api/types.js';
import { errorMessage } from '../api/client.js';
import { migrationApi, type Migration, type MigrationDryRun } from './migration-api.js';
import { MappingTable } from './MappingTable.js';
import { CannotMoveList } from './CannotMoveList.js';
import { MigrationProgress } from './MigrationProgress.js';
import { useMigrationProgress } from './useMigrationProgress.js';
import { Dialog } from '../app/Dialog.js';

export interface EarlierVersion {
  id: string;
  number: number;
}

export function MigrationDialog({
  version,
  earlier,
  onClose,
}: {
  version: Version;
  /** Versions of the same journey before this one that have run; the newest is offered first. */
  earlier: EarlierVersion[];
  onClose: () => void;
}) {
  const [fromVersionId, setFromVersionId] = useState(earlier[0]?.id ?? '');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [dryRun, setDryRun] = useState<MigrationDryRun>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [migration, setMigration] = useMigrationProgress(version.id);

  // Every change of the old version or of a choice asks for a new dry run; nothing changes on the server.
  useEffect(() => {
    if (!fromVersionId || migration) return;
    let current = true;
    const mapping = Object.fromEntries(Object.entries(choices).filter(([, to]) => to !== ''));
    migrationApi.dryRun(version.id, { fromVersionId, mapping }).then(
      (answer) => current && (setDryRun(answer), setError(undefined)),
      (err) => current && setError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [version.id, fromVersionId, choices, migration]);

  const act = async (action: () => Promise<Migration>) => {
    setBusy(true);
    setError(undefined);
    try {
      setMigration(await action());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const move = () =>
    act(() =>
      migrationApi.start(version.id, {
        fromVersionId,
        mapping: Object.fromEntries(Object.entries(choices).filter(([, to]) => to !== '')),
      }),
    );

  const blocked = !dryRun || dryRun.mapping.problems.length > 0 || dryRun.moving === 0;
  return (
    <Dialog
      labelledBy="migration-title"
      onClose={onClose}
      testId="migration-dialog"
      style={{ width: 860, maxHeight: '90vh', overflow: 'auto' }}
    >
      <h2 id="migration-title">Move patients to v{version.number}</h2>
      {earlier.length === 0 ? (
        <p>No earlier version of this journey has patients to move.</p>
      ) : (
        <label>
          From version{' '}
          <select
            value={fromVersionId}
            disabled={migration !== undefined}
            onChange={(e) => (setFromVersionId(e.target.value), setChoices({}), setDryRun(undefined))}
            data-testid="migration-from"
          >
            {earlier.map((v) => (
              <option key={v.id} value={v.id}>
                v{v.number}
              </option>
            ))}
          </select>
        </label>
      )}
      {dryRun && !migration && (
        <>
          <p className="small">
            Patients waiting at a step that is unchanged in v{dryRun.toVersion.number} stay exactly where they are (same
            timer, same deadline). At any other step, choose where they go: they enter that step of v
            {dryRun.toVersion.number} afresh (a message step sends its message, a wait starts over).
          </p>
          <MappingTable
            dryRun={dryRun}
            choices={choices}
            onChoose={(from, to) => setChoices((c) => ({ ...c, [from]: to }))}
          />
          <p data-testid="migration-summary">
            {dryRun.running} running in v{dryRun.fromVersion.number}: {dryRun.moving} can move now,{' '}
            {dryRun.cannotMove.length} cannot.
          </p>
          <CannotMoveList cannotMove={dryRun.cannotMove} />
        </>
      )}
      {migration && (
        <>
          <p className="small">
            Moving patients from v{migration.fromVersion.number}, started{' '}
            {new Date(migration.createdAt).toLocaleString()} by {migration.createdBy}.{' '}
            {!migration.moving && (
              <button
                type="button"
                className="link"
                onClick={() => setMigration(undefined)}
                data-testid="migration-new"
              >
                Start another move
              </button>
            )}
          </p>
          <MigrationProgress
            migration={migration}
            busy={busy}
            onRetry={() => act(() => migrationApi.retry(migration.id))}
          />
        </>
      )}
      {error && (
        <p className="error-text" role="alert" data-testid="migration-error">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        {!migration && (
          <button
            type="button"
            className="primary"
            disabled={busy || blocked}
            onClick={move}
            data-testid="migration-run"
          >
            Move {dryRun?.moving ?? 0} patients
          </button>
        )}
        <button type="button" onClick={onClose} data-testid="migration-close">
          Close
        </button>
      </div>
    </Dialog>
  );
}
