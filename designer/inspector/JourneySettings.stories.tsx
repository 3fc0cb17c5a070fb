/** Stories of the journey settings panel: the catalogue fixture's attributes, events, exit criteria and goals, editable on a local copy. */
import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { validateJourney, type JourneyDocument } from '../../schema/index.js';
import { catalogueJourney } from '../model/catalogue-fixture.js';
import { emptyJourney } from '../model/fixtures.js';
import { applyChange } from '../model/changes.js';
import { JourneySettings } from './JourneySettings.js';

function EditableSettings({ journey }: { journey: 'catalogue' | 'empty' }) {
  const [document, setDocument] = useState<JourneyDocument>(
    journey === 'catalogue' ? catalogueJourney : emptyJourney('New journey'),
  );
  return (
    <div style={{ width: 380 }} className="sidebar">
      <JourneySettings
        document={document}
        problems={validateJourney(document).problems}
        apply={(change) => setDocument((d) => applyChange(d, change))}
        onClose={() => undefined}
      />
    </div>
  );
}

const meta = {
  title: 'Inspector/Journey settings',
  component: EditableSettings,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof EditableSettings>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Catalogue: Story = { args: { journey: 'catalogue' } };
export const NewJourney: Story = { args: { journey: 'empty' } };
