/** Stories of the end step node: valid, with problems, and on an enrollment's path. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { problem, StepOnCanvas } from './story-fixtures.js';

const meta = { title: 'Canvas/Step nodes/End', component: StepOnCanvas } satisfies Meta<typeof StepOnCanvas>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = { args: { stepId: 'end-well' } };
export const WithProblems: Story = {
  args: {
    stepId: 'end-no-reply',
    problems: [
      problem('end-no-reply', 'Step "No reply" can never be reached from the start.', 'graph.unreachable-step'),
    ],
  },
};
export const OnPath: Story = { args: { stepId: 'end-well', path: 'visited' } };
