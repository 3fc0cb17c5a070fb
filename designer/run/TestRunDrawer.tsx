/** The test run over the canvas: a drawer (never taking the canvas's width) with the followed test patient's enrollment and phone, or the list of test patients to reopen; Esc or Close shuts it. */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { JourneyDocument } from '../../schema/index.js';
import { EnrollmentPanel } from './EnrollmentPanel.js';
import { PhonePanel } from './PhonePanel.js';
import { TestPatientsList } from './TestPatientsList.js';
import type { useTestRun } from './useTestRun.js';
import './run.css';

interface Props {
  journeyId: string;
  document: JourneyDocument;
  testRun: ReturnType<typeof useTestRun>;
}

export function TestRunDrawer({ journeyId, document, testRun }: Props) {
  const { run } = testRun;
  const [listing, setListing] = useState(false);
  const open = listing || run !== undefined;
  const drawerRef = useRef<HTMLElement>(null);
  const launcherRef = useRef<HTMLButtonElement>(null);

  // A run started elsewhere (the enroll dialog) shows its panels rather than the list.
  useEffect(() => setListing(false), [run?.enrollmentId]);
  // Focus follows the drawer: into it when a person opens it, back to the launcher when it shuts.
  // A drawer restored at page load does not take the focus.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (open && !wasOpen.current) drawerRef.current?.focus();
    if (!open && wasOpen.current) launcherRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setListing(false);
    testRun.stop();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // The canvas underneath would otherwise take the Escape as "deselect".
    e.stopPropagation();
    close();
  };

  if (!open)
    return (
      <button
        type="button"
        ref={launcherRef}
        className="run-launcher"
        onClick={() => setListing(true)}
        data-testid="test-patients-open"
      >
        Test patients
      </button>
    );

  const title = listing || !run ? 'Test patients' : `Test run: ${run.patientName}`;
  return (
    <section
      ref={drawerRef}
      className="canvas-overlay run-drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="run-drawer-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="run-drawer"
    >
      <header className="run-drawer__head">
        <h2 id="run-drawer-title">{title}</h2>
        {listing && run ? (
          <button type="button" className="link small" onClick={() => setListing(false)} data-testid="run-drawer-back">
            Back to {run.patientName}
          </button>
        ) : (
          !listing && (
            <button type="button" className="link small" onClick={() => setListing(true)} data-testid="run-drawer-list">
              All test patients
            </button>
          )
        )}
        <button
          type="button"
          className="link small"
          onClick={close}
          aria-label="Close the test run"
          data-testid="run-drawer-close"
        >
          Close
        </button>
      </header>
      {listing || !run ? (
        <TestPatientsList
          journeyId={journeyId}
          currentEnrollmentId={run?.enrollmentId}
          onOpen={(next) => {
            testRun.start(next);
            setListing(false);
          }}
        />
      ) : (
        <>
          <EnrollmentPanel enrollment={testRun.enrollment} error={testRun.error} document={document} />
          <PhonePanel key={run.patientId} patientId={run.patientId} patientName={run.patientName} />
        </>
      )}
    </section>
  );
}
