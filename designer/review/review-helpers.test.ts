import { describe, expect, it } from 'vitest';
import { JourneyDocument } from '../../schema/index.js';
import firstDoseJson from '../../examples/journeys/first-dose-check-in.journey.json';
import { ApiError } from '../api/client.js';
import type { Comment, ReviewedVersion } from '../api/review.js';
import { commentThreads } from './comment-threads.js';
import { signingBlock } from './signing-block.js';
import { baselineOf } from './baseline.js';
import { diffMarks, documentWithRemovedSteps } from './diff-marks.js';
import { reviewDiff } from './step-diff.js';
import { defaultMeaning, signatureErrorText } from './signature-text.js';

const v1 = JourneyDocument.parse(firstDoseJson);

describe('the review canvas marks', () => {
  const v2 = structuredClone(v1);
  delete v2.steps['end-no-reply'];
  const ask = v2.steps['ask-first-dose'];
  if (ask.type !== 'message') throw new Error('fixture changed');
  ask.outputs = { ...ask.outputs, timeout: 'end-follow-up' };
  ask.template = 'Did your first dose go as planned?';

  it('labels every step in words: changed with its field count, unchanged with the version it dates from', () => {
    const diff = reviewDiff({ number: 2, document: v2 }, { number: 1, document: v1 }, []);
    const marks = diffMarks(diff.steps, true);
    expect(marks.get('ask-first-dose')).toEqual({ kind: 'changed', label: 'Changed (2 fields)' });
    expect(marks.get('end-no-reply')).toEqual({ kind: 'removed', label: 'Removed' });
    expect(marks.get('welcome')).toEqual({ kind: 'unchanged', label: 'Unchanged since v1' });
  });

  it('draws removed steps as ghosts at their old place, without edges to steps that are gone', () => {
    const drawn = documentWithRemovedSteps(v2, v1);
    expect(Object.keys(drawn.steps).sort()).toEqual(Object.keys(v1.steps).sort());
    expect(drawn.steps['end-no-reply'].outputs).toEqual({});
    expect(documentWithRemovedSteps(v2, undefined)).toBe(v2);
  });
});

describe('the baseline of a review', () => {
  const version = (number: number, status: ReviewedVersion['status'], approvedAt?: string) =>
    ({ id: `v${number}`, number, status, approvedAt }) as ReviewedVersion;

  it('is the newest version before this one that was approved, whatever happened to it since', () => {
    const versions = [
      version(1, 'superseded', '2026-01-01'),
      version(2, 'published', '2026-02-01'),
      version(3, 'changes-requested'),
      version(4, 'submitted'),
    ];
    expect(baselineOf(versions, 4)?.number).toBe(2);
    expect(baselineOf(versions, 2)?.number).toBe(1);
    expect(baselineOf([version(1, 'snapshot')], 2)).toBeUndefined();
  });
});

describe('signature words', () => {
  it('prefills a meaning that names the discipline and the decision', () => {
    expect(defaultMeaning('medical', 'approve')).toMatch(/medical.*I approve it/);
    expect(defaultMeaning('legal', 'reject')).toMatch(/legal.*I do not approve it/);
  });

  it('says server refusals in plain words', () => {
    expect(signatureErrorText(new ApiError(401, 'wrong-password', 'Wrong password.'))).toMatch(
      /password is not right.*Nothing was signed/,
    );
    expect(signatureErrorText(new ApiError(403, 'signer-edited-version', 'x'))).toMatch(
      /You authored or edited this version/,
    );
    expect(signatureErrorText(new ApiError(409, 'already-signed-by-you', 'x'))).toMatch(/already signed/);
    expect(signatureErrorText(new ApiError(400, 'bad-input', '/meaning: too long'))).toBe('/meaning: too long');
  });
});

describe('comment threads', () => {
  const comment = (id: string, stepId: string | null, parentId: string | null, resolvedAt?: string) =>
    ({
      id,
      versionId: 'v2',
      stepId,
      parentId,
      body: id,
      author: { id: 'u', name: 'U' },
      createdAt: id,
      resolvedAt,
    }) as Comment;
  const comments = [
    comment('a', 'ask', null),
    comment('b', 'welcome', null, '2026-01-01'),
    comment('a1', 'ask', 'a'),
    comment('c', null, null),
    comment('a2', 'ask', 'a'),
  ];

  it('groups replies under the comment that opened the thread, oldest first, for one step or for all', () => {
    expect(commentThreads(comments, 'ask')).toEqual([{ root: comments[0], replies: [comments[2], comments[4]] }]);
    expect(commentThreads(comments).map((t) => t.root.id)).toEqual(['a', 'b', 'c']);
    expect(commentThreads(comments, null).map((t) => t.root.id)).toEqual(['c']);
  });
});

describe('who may sign, said before they try', () => {
  const version = {
    editors: [{ id: 'usr_author', name: 'Priya Patel' }],
    signatures: [{ userId: 'usr_legal' }] as ReviewedVersion['signatures'],
  };

  it('refuses an author whatever roles they hold, a signer twice, and anyone who is not a reviewer', () => {
    expect(
      signingBlock(version, { id: 'usr_author', roles: ['program-manager', 'compliance-reviewer', 'admin'] }),
    ).toMatch(/authored or edited/);
    expect(signingBlock(version, { id: 'usr_legal', roles: ['compliance-reviewer'] })).toMatch(/have signed/);
    expect(signingBlock(version, { id: 'usr_admin', roles: ['admin'] })).toMatch(/Only compliance reviewers/);
    expect(signingBlock(version, { id: 'usr_medical', roles: ['compliance-reviewer'] })).toBeUndefined();
  });
});
