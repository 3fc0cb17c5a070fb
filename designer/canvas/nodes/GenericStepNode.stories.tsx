/** Stories of the step types drawn by the generic node (assessment, split, task, update, goal, exit, wait for event): one-line summaries and their outputs. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { problem, StepOnCanvas } from './story-fixtures.js';

const meta = { title: 'Canvas/Step nodes/Catalogue', component: StepOnCanvas } satisfies Meta<typeof StepOnCanvas>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Assessment: Story = { args: { stepId: 'ask-anxiety' } };
export const SplitBands: Story = { args: { stepId: 'by-score' } };
export const SplitRandom: Story = { args: { stepId: 'ab' } };
export const Task: Story = { args: { stepId: 'nurse-call' } };
export const Update: Story = { args: { stepId: 'mark-risk' } };
export const WaitForEventWithLoopCap: Story = { args: { stepId: 'await-refill' } };
export const Goal: Story = { args: { stepId: 'refilled' } };
export const Exit: Story = { args: { stepId: 'left' } };
export const SplitWithProblems: Story = {
  args: {
    stepId: 'by-score',
    problems: [
      problem('by-score', 'Step "by-score": no band covers 4–4, between "low" and "high".', 'split.band-table'),
    ],
  },
};
export const TaskOnPath: Story = { args: { stepId: 'nurse-call', path: 'current' } };
