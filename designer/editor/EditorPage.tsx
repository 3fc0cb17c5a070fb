/** The journey editor page: loads the journey, then lays out palette, canvas or JSON, inspector, problems, versions and the test run. */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { api, errorMessage } from '../api/client.js';
import type { Connector, Journey } from '../api/types.js';
import type { JourneyDocument } from '../../schema/index.js';
import { JourneyCanvas } from '../canvas/JourneyCanvas.js';
import { Palette } from '../canvas/Palette.js';
import { useAddStep } from '../canvas/useAddStep.js';
import { Inspector } from '../inspector/Inspector.js';
import { JourneySettings } from '../inspector/JourneySettings.js';
import { ProblemsPanel } from '../problems/ProblemsPanel.js';
import { VersionsPanel } from '../versions/VersionsPanel.js';
import { VersionCommentsPanel } from '../versions/VersionCommentsPanel.js';
import { useVersionReview } from '../versions/useVersionReview.js';
import { EnrollDialog } from '../run/EnrollDialog.js';
import { TestRunDrawer } from '../run/TestRunDrawer.js';
import { useTestRun } from '../run/useTestRun.js';
import { Toolbar } from './Toolbar.js';
import { useJourneyHistory } from './useJourneyHistory.js';
import { useValidation } from './useValidation.js';
import { useDraftSaving } from './useDraftSaving.js';
import { useVersions } from './useVersions.js';
import { useUndoShortcuts } from './useUndoShortcuts.js';
import { tidyUp } from '../model/tidy-up.js';
import { openableDraft } from '../model/openable-draft.js';
import { useLiveCounts } from '../live-counts/useLiveCounts.js';
import { LiveCountsBar } from '../live-counts/LiveCountsBar.js';
import { useSimulationView } from '../simulation/useSimulationView.js';
import { SimulatePanel } from '../simulation/SimulatePanel.js';

// Monaco is big; load it only when the JSON tab is opened.
const JsonEditor = lazy(() => import('../json/JsonEditor.js'));

const fallbackConnectors: Connector[] = [
  { id: 'dev', name: 'Development channel', channels: ['sms', 'email', 'voice', 'video', 'push'] },
];

export function EditorPage({ journeyId }: { journeyId: string }) {
  const [journey, setJourney] = useState<Journey>();
  const [error, setError] = useState<string>();
  const [connectors, setConnectors] = useState<Connector[]>(fallbackConnectors);
  useEffect(() => {
    api.getJourney(journeyId).then(
      ({ journey }) => setJourney(journey),
      (err) => setError(errorMessage(err)),
    );
    api.connectors().then(
      ({ connectors }) => connectors.length > 0 && setConnectors(connectors),
      () => undefined,
    );
  }, [journeyId]);
  if (error)
    return (
      <main className="page">
        <p className="error-text" role="alert">
          Could not open the journey: {error}
        </p>
      </main>
    );
  if (!journey)
    return (
      <main className="page">
        <p className="muted">Loading journey…</p>
      </main>
    );
  return (
    <ReactFlowProvider>
      <EditorWorkspace journey={journey} connectors={connectors} />
    </ReactFlowProvider>
  );
}

function EditorWorkspace({ journey, connectors }: { journey: Journey; connectors: Connector[] }) {
  // Drafts are saved whatever their structure; one saved by hand or through the API may need its frame repaired to draw.
  const [opened] = useState(() => openableDraft(journey.draft));
  const editing = useJourneyHistory(opened);
  const { document, apply, mark } = editing;
  const validation = useValidation(document);
  // A save conflict swaps the whole document in as one undoable change.
  const replaceDocument = useCallback(
    (next: JourneyDocument) => apply({ type: 'replace-document', document: next }),
    [apply],
  );
  const saving = useDraftSaving(journey.id, journey.draftRevision, document, replaceDocument);
  const versions = useVersions(journey.id, journey.versions, saving.saveNow);
  const review = useVersionReview(journey.id, versions.versions);
  const [commentsOf, setCommentsOf] = useState<string>();
  const commentsVersion = review.versions.find((v) => v.id === commentsOf);
  const testRun = useTestRun(journey.id);
  const live = useLiveCounts(review.published?.id);
  const simulation = useSimulationView();
  const [selectedStepId, setSelectedStepId] = useState<string>();
  const [tab, setTab] = useState<'canvas' | 'json'>('canvas');
  const [enrolling, setEnrolling] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Selecting a step brings its inspector back in place of the journey settings.
  const select = useCallback((stepId: string | undefined) => {
    setSelectedStepId(stepId);
    if (stepId) setSettingsOpen(false);
  }, []);
  const { addAt, addInView } = useAddStep(document, apply, mark, select, selectedStepId);
  // Tidy up is one document change between marks: one press of Undo puts every step back.
  const tidy = useCallback(() => {
    mark();
    apply({ type: 'replace-document', document: tidyUp(document) });
    mark();
  }, [apply, document, mark]);
  useUndoShortcuts(editing.undo, editing.redo);

  return (
    <main className="editor" data-testid="editor" data-journey-id={journey.id}>
      <Toolbar
        name={document.name}
        onRename={(name) => apply({ type: 'rename-journey', name }, { coalesceKey: 'journey-name' })}
        canUndo={editing.canUndo}
        canRedo={editing.canRedo}
        onUndo={editing.undo}
        onRedo={editing.redo}
        saveStatus={saving.status}
        onSave={() => void saving.saveNow()}
        onTidyUp={tidy}
        canTidyUp={tab === 'canvas' && Object.keys(document.steps).length > 1}
        myCopy={saving.myCopy}
        onRestoreMine={saving.restoreMine}
        onDiscardMine={saving.discardMine}
        onSnapshot={() => void versions.snapshot()}
        onSubmitForReview={() => void review.submitDraft(document, versions.snapshot)}
        onPublish={() => review.approved && void review.publish(review.approved.id)}
        onEnroll={() => setEnrolling(true)}
        onSettings={() => setSettingsOpen((open) => !open)}
        onSimulate={simulation.toggle}
        simulateOpen={simulation.open}
        settingsOpen={settingsOpen}
        busy={versions.busy ?? (review.busy === 'draft' ? 'review' : review.busy ? 'publish' : null)}
        hasErrors={validation.hasErrors}
        published={review.published}
        latest={review.versions[0]}
        approved={review.approved}
      />
      <Palette onAdd={addInView} />
      <section className="workspace" aria-label="Journey">
        <div className="tabs" role="tablist" aria-label="View">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'canvas'}
            className={tab === 'canvas' ? 'is-active' : ''}
            onClick={() => setTab('canvas')}
            data-testid="tab-canvas"
          >
            Canvas
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'json'}
            className={tab === 'json' ? 'is-active' : ''}
            onClick={() => setTab('json')}
            data-testid="tab-json"
          >
            JSON
          </button>
          {testRun.enrollment && (
            <span
              className={`run-banner status-${testRun.enrollment.state?.status ?? testRun.enrollment.status}`}
              data-testid="run-banner"
            >
              Test run for {testRun.run?.patientName}: {testRun.enrollment.state?.status ?? testRun.enrollment.status}
            </span>
          )}
        </div>
        {tab === 'canvas' && live.counts && review.published && (
          <LiveCountsBar counts={live.counts} versionNumber={review.published.number} />
        )}
        {tab === 'canvas' ? (
          <JourneyCanvas
            document={document}
            apply={apply}
            mark={mark}
            validation={validation}
            overlay={simulation.overlay ?? testRun.overlay}
            liveCounts={simulation.counts ?? live.counts}
            selectedStepId={selectedStepId}
            onSelectStep={select}
            onAddStep={addAt}
          />
        ) : (
          <Suspense fallback={<div className="muted pad">Loading the JSON editor…</div>}>
            <JsonEditor document={document} apply={apply} />
          </Suspense>
        )}
        {tab === 'canvas' && simulation.open && (
          <SimulatePanel
            document={document}
            hasErrors={validation.hasErrors}
            view={simulation}
            onClose={simulation.toggle}
          />
        )}
        {/* Over the canvas, never beside it: opening the test run does not change the canvas's size. */}
        <TestRunDrawer journeyId={journey.id} document={document} testRun={testRun} />
      </section>
      <aside className="sidebar" aria-label="Details">
        {settingsOpen ? (
          <JourneySettings
            document={document}
            problems={validation.problems}
            apply={apply}
            onClose={() => setSettingsOpen(false)}
          />
        ) : (
          <Inspector
            document={document}
            stepId={selectedStepId}
            problems={selectedStepId ? (validation.byStep.get(selectedStepId) ?? []) : []}
            connectors={connectors}
            apply={apply}
            onDeleted={() => select(undefined)}
          />
        )}
        <ProblemsPanel
          problems={validation.problems}
          onSelectStep={(id) => {
            setTab('canvas');
            select(id);
          }}
          onOpenSettings={() => setSettingsOpen(true)}
        />
        <VersionsPanel
          versions={review.versions}
          busy={review.busy ?? versions.busy}
          error={review.error ?? versions.error}
          onSubmit={(id) => void review.submit(id)}
          onPublish={(id) => void review.publish(id)}
          onShowComments={setCommentsOf}
          review={review}
        />
        {commentsVersion && (
          <VersionCommentsPanel
            key={commentsVersion.id}
            version={commentsVersion}
            document={document}
            onSelectStep={(id) => {
              setTab('canvas');
              select(id);
            }}
            onClose={() => setCommentsOf(undefined)}
          />
        )}
      </aside>
      {enrolling && review.published && (
        <EnrollDialog
          version={review.published}
          onClose={() => setEnrolling(false)}
          onEnrolled={(enrollment, patient) => {
            setEnrolling(false);
            testRun.start({ enrollmentId: enrollment.id, patientId: patient.id, patientName: patient.name });
          }}
        />
      )}
    </main>
  );
}
