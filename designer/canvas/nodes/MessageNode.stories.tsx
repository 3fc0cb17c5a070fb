/** Stories of the message step node: valid, with problems, and on an enrollment's path. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { problem, StepOnCanvas } from './story-fixtures.js';

const meta = { title: 'Canvas/Step nodes/Message', component: StepOnCanvas } satisfies Meta<typeof StepOnCanvas>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Valid: Story = { args: { stepId: 'welcome' } };
export const AwaitsReply: Story = { args: { stepId: 'ask-first-dose' } };
export const WithProblems: Story = {
  args: {
    stepId: 'ask-first-dose',
    problems: [
      problem(
        'ask-first-dose',
        'Output "timeout" of step "Did the first dose go well?" is not connected to a next step.',
      ),
      problem(
        'ask-first-dose',
        'Step "ask-first-dose": the reply "1" belongs to both "yes" and "no".',
        'message.ambiguous-reply',
      ),
    ],
  },
};
export const OnPath: Story = { args: { stepId: 'welcome', path: 'visited' } };
export const CurrentStep: Story = { args: { stepId: 'ask-first-dose', path: 'current' } };
