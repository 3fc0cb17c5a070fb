/** Stories of a migration's step mapping: an unchanged step filled in, a removed one waiting for a choice, and a wrong choice explained. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MigrationDryRun } from './migration-api.js';
import { MappingTable } from './MappingTable.js';

const dryRun: MigrationDryRun = {
  fromVersion: { id: 'ver_1', number: 1 },
  toVersion: { id: 'ver_2', number: 2, status: 'published' },
  mapping: {
    rows: [
      {
        from: 'ask',
        fromName: 'Did the first dose go well?',
        fromType: 'message',
        to: 'ask',
        automatic: true,
        unchanged: true,
      },
      {
        from: 'wait',
        fromName: 'Wait two weeks',
        fromType: 'wait',
        automatic: false,
        unchanged: false,
        problem: 'Step "wait" changed or is gone in the new version: choose where its patients go.',
      },
    ],
    problems: [],
    unmapped: ['wait'],
  },
  targetSteps: [
    { id: 'ask', name: 'Did the first dose go well?', type: 'message' },
    { id: 'week', name: 'Wait one week', type: 'wait' },
    { id: 'check-in', name: 'Check-in question', type: 'message' },
  ],
  running: 23,
  moving: 3,
  byTarget: [{ from: 'ask', to: 'ask', kept: true, patients: 3 }],
  cannotMove: [],
};

const meta = {
  title: 'Migration/Step mapping',
  component: MappingTable,
  args: { dryRun, choices: {}, onChoose: () => undefined },
  decorators: [(Story) => <div style={{ width: 760 }}>{Story()}</div>],
} satisfies Meta<typeof MappingTable>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The question is unchanged, so its three patients stay where they are; the wait needs a choice. */
export const NeedsAChoice: Story = {};

/** The wait is mapped to the new check-in: its twenty patients will enter it afresh. */
export const Chosen: Story = {
  args: {
    choices: { wait: 'check-in' },
    dryRun: {
      ...dryRun,
      mapping: {
        ...dryRun.mapping,
        rows: [dryRun.mapping.rows[0], { ...dryRun.mapping.rows[1], to: 'check-in', problem: undefined }],
        unmapped: [],
      },
      moving: 23,
      byTarget: [...dryRun.byTarget, { from: 'wait', to: 'check-in', kept: false, patients: 20 }],
    },
  },
};
