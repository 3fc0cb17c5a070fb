/** The editor's toolbar: journey name, undo/redo, tidy up, journey settings, Simulate, save state, Save draft, Snapshot version, Submit for review, Publish (approved only), Enroll a test patient. */
import type { SaveStatus } from './useDraftSaving.js';
import type { ConflictCopy } from '../model/conflict-copy.js';
import type { Version } from '../api/types.js';

interface Props {
  name: string;
  onRename: (name: string) => void;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  saveStatus: SaveStatus;
  onSave: () => void;
  /** Lays the journey out again (dagre), as one undoable change. */
  onTidyUp: () => void;
  canTidyUp: boolean;
  /** Our copy of the draft kept after a save conflict, with the actions to bring it back or let it go. */
  myCopy?: ConflictCopy;
  onRestoreMine: () => void;
  onDiscardMine: () => void;
  onSnapshot: () => void;
  /** Snapshots the draft when it changed since the newest version, then submits that version for review. */
  onSubmitForReview: () => void;
  /** Publishes `approved`. */
  onPublish: () => void;
  onEnroll: () => void;
  onSettings: () => void;
  settingsOpen: boolean;
  /** Opens or closes the Simulate panel over the canvas. */
  onSimulate: () => void;
  simulateOpen: boolean;
  busy: 'snapshot' | 'publish' | 'review' | null;
  hasErrors: boolean;
  published?: Version;
  latest?: Version;
  /** The newest approved version: the only kind that publishes. */
  approved?: Version;
}

const saveLabels: Record<SaveStatus['kind'], string> = {
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  error: 'Save failed',
  conflict: 'Someone else saved',
};

export function Toolbar(props: Props) {
  const { saveStatus, hasErrors, busy } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Journey actions">
      <input
        className="journey-name"
        aria-label="Journey name"
        value={props.name}
        onChange={(e) => props.onRename(e.target.value)}
        data-testid="journey-name"
      />
      <button type="button" onClick={props.onUndo} disabled={!props.canUndo} title="Undo (Ctrl+Z)" data-testid="undo">
        Undo
      </button>
      <button
        type="button"
        onClick={props.onRedo}
        disabled={!props.canRedo}
        title="Redo (Ctrl+Shift+Z)"
        data-testid="redo"
      >
        Redo
      </button>
      <button
        type="button"
        onClick={props.onTidyUp}
        disabled={!props.canTidyUp}
        title="Lay out every step top to bottom along its outputs (Undo puts them back)"
        data-testid="tidy-up"
      >
        Tidy up
      </button>
      <button
        type="button"
        onClick={props.onSettings}
        aria-pressed={props.settingsOpen}
        className={props.settingsOpen ? 'is-active' : ''}
        title="Attributes, events, exit criteria, goals, time zone, quiet hours, consent"
        data-testid="journey-settings-open"
      >
        Journey settings
      </button>
      <button
        type="button"
        onClick={props.onSimulate}
        aria-pressed={props.simulateOpen}
        className={props.simulateOpen ? 'is-active' : ''}
        title="Run a cohort of simulated patients through the journey on a virtual clock"
        data-testid="simulate-open"
      >
        Simulate
      </button>
      <span
        className={`save-status save-status--${saveStatus.kind}`}
        data-testid="save-status"
        data-status={saveStatus.kind}
        title={'message' in saveStatus ? saveStatus.message : undefined}
      >
        {saveLabels[saveStatus.kind]}
      </span>
      {props.myCopy && (
        <span className="draft-conflict" role="alert" data-testid="draft-conflict">
          <span>
            {saveStatus.kind === 'conflict'
              ? saveStatus.message
              : `Your version from ${new Date(props.myCopy.keptAt).toLocaleString()} is kept.`}
          </span>
          <button type="button" onClick={props.onRestoreMine} data-testid="restore-my-version">
            Restore my version
          </button>
          <button type="button" onClick={props.onDiscardMine} data-testid="discard-my-version">
            Discard it
          </button>
        </span>
      )}
      <span className="spacer" />
      {props.latest && (
        <span
          className="latest-version"
          data-testid="latest-version"
          data-version-number={props.latest.number}
          data-status={props.latest.status}
        >
          v{props.latest.number} <span className={`status status-${props.latest.status}`}>{props.latest.status}</span>
        </span>
      )}
      <button type="button" onClick={props.onSave} disabled={saveStatus.kind === 'saving'} data-testid="save-draft">
        Save draft
      </button>
      <button
        type="button"
        onClick={props.onSnapshot}
        disabled={busy !== null || hasErrors}
        title={hasErrors ? 'Fix the problems first' : 'Freeze the saved draft as a new version'}
        data-testid="snapshot-version"
      >
        {busy === 'snapshot' ? 'Snapshotting…' : 'Snapshot version'}
      </button>
      <button
        type="button"
        onClick={props.onSubmitForReview}
        disabled={busy !== null || hasErrors}
        title={hasErrors ? 'Fix the problems first' : 'Snapshot the draft if it changed, and send it to the reviewers'}
        data-testid="submit-for-review"
      >
        {busy === 'review' ? 'Submitting…' : 'Submit for review'}
      </button>
      <button
        type="button"
        className="primary"
        onClick={props.onPublish}
        disabled={busy !== null || !props.approved}
        title={
          props.approved
            ? `Publish v${props.approved.number}, approved by every required reviewer`
            : 'Only an approved version can be published: submit it for review first'
        }
        data-testid="publish"
      >
        {busy === 'publish' ? 'Publishing…' : props.approved ? `Publish v${props.approved.number}` : 'Publish'}
      </button>
      <button
        type="button"
        onClick={props.onEnroll}
        disabled={!props.published}
        title={props.published ? `Enroll a test patient in v${props.published.number}` : 'Publish a version first'}
        data-testid="enroll-open"
      >
        Enroll test patient
      </button>
    </div>
  );
}
