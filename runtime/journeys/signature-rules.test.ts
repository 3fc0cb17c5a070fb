import { describe, expect, it } from 'vitest';
import { awaitedDisciplines, reviewOutcome, signatureRefusal, type VersionFacts } from './signature-rules.js';

const all = ['medical', 'legal', 'regulatory'];
const inReview: VersionFacts = {
  status: 'submitted',
  editors: ['usr_author'],
  requiredDisciplines: all,
  signatures: [],
};
const medical = { id: 'usr_med', roles: ['compliance-reviewer'], discipline: 'medical' };

describe('who may sign', () => {
  it('lets a reviewer sign for their discipline on a version in review', () => {
    expect(signatureRefusal(medical, inReview, 'medical')).toBeNull();
  });

  it('refuses a discipline the signer does not hold, and anyone who is not a compliance reviewer', () => {
    expect(signatureRefusal(medical, inReview, 'legal')).toMatchObject({
      kind: 'forbidden',
      code: 'not-a-reviewer-for-discipline',
    });
    expect(
      signatureRefusal({ id: 'usr_admin', roles: ['admin'], discipline: 'medical' }, inReview, 'medical'),
    ).toMatchObject({
      code: 'not-a-reviewer-for-discipline',
    });
  });

  it('refuses an author or editor whatever roles they hold', () => {
    const author = {
      id: 'usr_author',
      roles: ['admin', 'program-manager', 'compliance-reviewer'],
      discipline: 'legal',
    };
    expect(signatureRefusal(author, inReview, 'legal')).toMatchObject({
      kind: 'forbidden',
      code: 'signer-edited-version',
    });
  });

  it('refuses a version not in review, a discipline it does not need, and second signatures', () => {
    expect(signatureRefusal(medical, { ...inReview, status: 'approved' }, 'medical')?.code).toBe(
      'version-not-in-review',
    );
    expect(signatureRefusal(medical, { ...inReview, requiredDisciplines: ['legal'] }, 'medical')?.code).toBe(
      'discipline-not-required',
    );
    const signedByMe = {
      ...inReview,
      signatures: [{ userId: 'usr_med', discipline: 'medical', decision: 'approve' as const }],
    };
    expect(signatureRefusal(medical, signedByMe, 'medical')?.code).toBe('already-signed-by-you');
    const signedByOther = {
      ...inReview,
      signatures: [{ userId: 'usr_med2', discipline: 'medical', decision: 'approve' as const }],
    };
    expect(signatureRefusal(medical, signedByOther, 'medical')).toMatchObject({
      kind: 'conflict',
      code: 'discipline-already-signed',
    });
  });
});

describe('what the signatures add up to', () => {
  it('approves once every required discipline approved, in any order', () => {
    expect(reviewOutcome(all, [])).toBe('pending');
    expect(
      reviewOutcome(all, [
        { discipline: 'regulatory', decision: 'approve' },
        { discipline: 'medical', decision: 'approve' },
      ]),
    ).toBe('pending');
    expect(
      reviewOutcome(all, [
        { discipline: 'regulatory', decision: 'approve' },
        { discipline: 'medical', decision: 'approve' },
        { discipline: 'legal', decision: 'approve' },
      ]),
    ).toBe('approved');
    expect(reviewOutcome(['medical'], [{ discipline: 'medical', decision: 'approve' }])).toBe('approved');
  });

  it('sends the version back on any one rejection', () => {
    expect(
      reviewOutcome(all, [
        { discipline: 'medical', decision: 'approve' },
        { discipline: 'legal', decision: 'reject' },
      ]),
    ).toBe('changes-requested');
  });

  it('lists the disciplines still awaited', () => {
    expect(awaitedDisciplines(all, [{ discipline: 'legal' }])).toEqual(['medical', 'regulatory']);
  });
});
