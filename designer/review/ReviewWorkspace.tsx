/** A reviewer's workspace for one version: the read-only canvas with the diff marked, and beside it messages, changes, comments and the signature. */
import { useMemo, useState } from 'react';
import type { User } from '../api/types.js';
import { DISCIPLINES, type Discipline } from '../api/review.js';
import { hrefOf } from '../app/router.js';
import { reviewDiff } from './step-diff.js';
import { diffMarks, documentWithRemovedSteps } from './diff-marks.js';
import { useReviewData, type ReviewData } from './useReviewData.js';
import { useComments } from './useComments.js';
import { ReviewCanvas } from './ReviewCanvas.js';
import { MessagesPanel } from './MessagesPanel.js';
import { ChangesPanel } from './ChangesPanel.js';
import { CommentsPanel } from './CommentsPanel.js';
import { ReviewStatusPanel } from './ReviewStatusPanel.js';
import { SignatureDialog } from './SignatureDialog.js';
import { ReviewTabs, type ReviewTab } from './ReviewTabs.js';
import { signingBlock } from './signing-block.js';
import './review.css';

export function ReviewWorkspace({ versionId, user }: { versionId: string; user: User }) {
  const { data, error, updateVersion } = useReviewData(versionId);
  if (error)
    return (
      <main className="page">
        <p className="error-text" role="alert">
          Could not open the version: {error}
        </p>
      </main>
    );
  if (!data)
    return (
      <main className="page">
        <p className="muted">Loading the version…</p>
      </main>
    );
  return <Workspace data={data} user={user} onVersion={updateVersion} />;
}

function Workspace({
  data,
  user,
  onVersion,
}: {
  data: ReviewData;
  user: User & { discipline?: string | null };
  onVersion: (v: ReviewData['version']) => void;
}) {
  const { version, document, baseline } = data;
  const [selectedStepId, setSelectedStepId] = useState<string>();
  const [tab, setTab] = useState<ReviewTab>('messages');
  const [signing, setSigning] = useState(false);
  const comments = useComments(version.id);
  const diff = useMemo(
    () => reviewDiff({ number: version.number, document }, baseline, data.earlier),
    [version.number, document, baseline, data.earlier],
  );
  const marks = useMemo(() => diffMarks(diff.steps, baseline !== undefined), [diff, baseline]);
  const drawn = useMemo(() => documentWithRemovedSteps(document, baseline?.document), [document, baseline]);
  const journeyRef = useMemo(() => ({ id: version.journeyId, name: data.journeyName }), [version, data.journeyName]);
  const select = setSelectedStepId;
  const required = version.requiredDisciplines?.length ? version.requiredDisciplines : DISCIPLINES;
  const open = required.filter((d) => !version.signatures?.some((s) => s.discipline === d));
  const own = user.discipline as Discipline | undefined;
  const signable: Discipline[] = own ? [own] : open.length > 0 ? open : required;

  return (
    <main className="review" data-testid="review-workspace" data-version-id={version.id}>
      <header className="toolbar review-head">
        <a href={hrefOf({ page: 'reviews' })} data-testid="review-back">
          ← Reviews
        </a>
        <h1 className="review-title">
          {data.journeyName} <span data-testid="review-version-number">v{version.number}</span>
        </h1>
        <code className="hash" title="Content hash" data-testid="review-hash">
          {version.contentHash}
        </code>
        <span className="spacer" />
        <span className="muted small">Read-only: reviewers comment and sign; they do not edit.</span>
      </header>
      <section className="workspace" aria-label="Version on the canvas">
        <ReviewCanvas document={drawn} marks={marks} selectedStepId={selectedStepId} onSelectStep={select} />
      </section>
      <aside className="sidebar review-sidebar" aria-label="Review">
        <ReviewStatusPanel version={version} cannotSign={signingBlock(version, user)} onSign={() => setSigning(true)} />
        <ReviewTabs
          tab={tab}
          onTab={setTab}
          openComments={comments.comments.filter((c) => !c.parentId && !c.resolvedAt).length}
        />
        {tab === 'messages' && (
          <MessagesPanel
            document={document}
            journey={journeyRef}
            selectedStepId={selectedStepId}
            onSelectStep={select}
          />
        )}
        {tab === 'changes' && (
          <ChangesPanel
            diff={diff}
            baseNumber={baseline?.number}
            selectedStepId={selectedStepId}
            onSelectStep={select}
          />
        )}
        {tab === 'comments' && (
          <CommentsPanel
            model={comments}
            document={drawn}
            user={user}
            selectedStepId={selectedStepId}
            canComment={version.status === 'submitted'}
          />
        )}
      </aside>
      {signing && (
        <SignatureDialog
          version={version}
          printedName={user.name}
          disciplines={signable}
          onClose={() => setSigning(false)}
          onSigned={(v) => {
            onVersion(v);
            setSigning(false);
          }}
        />
      )}
    </main>
  );
}
