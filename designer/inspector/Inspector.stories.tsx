/** Stories of the inspector for every step type of the catalogue fixture, editable (changes apply to a local copy), with validation problems. */
import { useMemo, useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { validateJourney } from '../../schema/index.js';
import { catalogueJourney } from '../model/catalogue-fixture.js';
import { applyChange } from '../model/changes.js';
import { problemsByStep } from '../model/problems-by-step.js';
import { Inspector } from './Inspector.js';

function EditableInspector({ stepId }: { stepId: string }) {
  const [document, setDocument] = useState(catalogueJourney);
  const problems = useMemo(() => problemsByStep(validateJourney(document).problems), [document]);
  return (
    <div style={{ width: 380 }} className="sidebar">
      <Inspector
        document={document}
        stepId={stepId}
        problems={problems.get(stepId) ?? []}
        connectors={[{ id: 'dev', name: 'Development channel', channels: ['sms', 'email'] }]}
        apply={(change) => setDocument((d) => applyChange(d, change))}
        onDeleted={() => undefined}
      />
    </div>
  );
}

const meta = {
  title: 'Inspector/Steps',
  component: EditableInspector,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof EditableInspector>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Assessment: Story = { args: { stepId: 'ask-anxiety' } };
export const SplitBands: Story = { args: { stepId: 'by-score' } };
export const SplitRandom: Story = { args: { stepId: 'ab' } };
export const Task: Story = { args: { stepId: 'nurse-call' } };
export const Update: Story = { args: { stepId: 'mark-risk' } };
export const WaitAttributeDate: Story = { args: { stepId: 'before-refill' } };
export const WaitTimeOfDay: Story = { args: { stepId: 'morning' } };
export const WaitForEvent: Story = { args: { stepId: 'await-refill' } };
export const Message: Story = { args: { stepId: 'remind' } };
export const Goal: Story = { args: { stepId: 'refilled' } };
export const Exit: Story = { args: { stepId: 'left' } };
