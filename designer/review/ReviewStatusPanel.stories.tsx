/** Stories of a version's review status: in review with one signature, approved by all three, sent back with changes requested. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReviewedVersion, Signature } from '../api/review.js';
import { ReviewStatusPanel } from './ReviewStatusPanel.js';
import './review.css';

const hash = 'jcs-sha256:9f2c4e0b7d51a3c8e6f4b2a19d7c5e3f1a8b6c4d2e0f9a7b5c3d1e9f7a5b3c1d';
const signature = (discipline: Signature['discipline'], printedName: string, decision: Signature['decision']) =>
  ({
    id: `sig_${discipline}`,
    versionId: 'ver_story',
    userId: `usr_${discipline}`,
    printedName,
    discipline,
    decision,
    meaning: `I have reviewed this version for ${discipline} and ${decision === 'approve' ? 'approve' : 'do not approve'} it.`,
    ...(decision === 'reject' ? { reason: 'Reword the first-dose question.' } : {}),
    contentHash: hash,
    signedAt: '2026-03-02T14:05:00Z',
  }) satisfies Signature;

const base: ReviewedVersion = {
  id: 'ver_story',
  journeyId: 'jrn_story',
  number: 3,
  status: 'submitted',
  contentHash: hash,
  createdAt: '2026-03-01T09:00:00Z',
  createdBy: 'usr_author',
  requiredDisciplines: ['medical', 'legal', 'regulatory'],
  editors: [{ id: 'usr_author', name: 'Priya Patel' }],
  signatures: [signature('medical', 'Dr. Maya Chen', 'approve')],
};

const meta = {
  title: 'Review/Review status and signatures',
  component: ReviewStatusPanel,
  args: { onSign: () => undefined, version: base },
  decorators: [(Story) => <div style={{ width: 440 }}>{Story()}</div>],
} satisfies Meta<typeof ReviewStatusPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const InReview: Story = {};
export const AuthorCannotSign: Story = {
  args: { cannotSign: 'You authored or edited this version, so you cannot sign it: another reviewer must.' },
};
export const Approved: Story = {
  args: {
    version: {
      ...base,
      status: 'approved',
      signatures: [
        signature('medical', 'Dr. Maya Chen', 'approve'),
        signature('legal', 'Leo Alvarez', 'approve'),
        signature('regulatory', 'Rita Okoye', 'approve'),
      ],
    },
  },
};
export const ChangesRequested: Story = {
  args: {
    version: {
      ...base,
      status: 'changes-requested',
      signatures: [signature('medical', 'Dr. Maya Chen', 'reject')],
      changesRequested: {
        reason: 'Reword the first-dose question.',
        by: { id: 'usr_medical', name: 'Dr. Maya Chen' },
        discipline: 'medical',
        at: '2026-03-02T14:05:00Z',
      },
    },
  },
};
