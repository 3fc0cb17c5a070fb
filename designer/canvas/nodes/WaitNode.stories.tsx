/** Stories of the wait step node: valid, with problems, and on an enrollment's path. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { problem, StepOnCanvas } from './story-fixtures.js';

const meta = { title: 'Canvas/Step nodes/Wait', component: StepOnCanvas } satisfies Meta<typeof StepOnCanvas>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = { args: { stepId: 'wait-two-days' } };
export const WithProblems: Story = {
  args: {
    stepId: 'wait-two-days',
    problems: [
      problem(
        'wait-two-days',
        'Step "wait-two-days": "2 days" is not a duration such as P2D (2 days) or PT30M (30 minutes).',
        'wait.invalid-duration',
      ),
    ],
  },
};
export const OnPath: Story = { args: { stepId: 'wait-two-days', path: 'visited' } };
export const CurrentStep: Story = { args: { stepId: 'wait-two-days', path: 'current' } };
export const TimeOfDay: Story = { args: { stepId: 'morning' } };
export const AttributeDate: Story = { args: { stepId: 'before-refill' } };
