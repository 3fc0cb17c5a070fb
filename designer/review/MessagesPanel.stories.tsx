/** Stories of the reviewer's rendered messages: the example journeys as a patient would receive them. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { JourneyDocument } from '../../schema/index.js';
import onboardingJson from '../../examples/journeys/self-injection-onboarding.journey.json';
import refillJson from '../../examples/journeys/pharmacy-refill.journey.json';
import { MessagesPanel } from './MessagesPanel.js';
import './review.css';

const meta = {
  title: 'Review/Messages as the patient gets them',
  component: MessagesPanel,
  args: { onSelectStep: () => undefined },
  decorators: [(Story) => <div style={{ width: 440 }}>{Story()}</div>],
} satisfies Meta<typeof MessagesPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SelfInjectionOnboarding: Story = {
  args: {
    document: JourneyDocument.parse(onboardingJson),
    journey: { id: 'jrn_story', name: 'Self-injection onboarding' },
    selectedStepId: 'relaxation-sms',
  },
};
export const PharmacyRefill: Story = {
  args: { document: JourneyDocument.parse(refillJson), journey: { id: 'jrn_story', name: 'Pharmacy refill' } },
};
