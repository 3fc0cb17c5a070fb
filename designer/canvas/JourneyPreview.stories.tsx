/** Stories of the example journeys (examples/journeys) on the canvas, auto-laid-out with dagre when they store no layout. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { JourneyDocument } from '../../schema/index.js';
import { catalogueJourney } from '../model/catalogue-fixture.js';
import { JourneyPreview } from './JourneyPreview.js';

const files = import.meta.glob('../../examples/journeys/*.journey.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;
const byName = (name: string) =>
  JourneyDocument.parse(Object.entries(files).find(([path]) => path.endsWith(`/${name}.journey.json`))?.[1]);

const meta = {
  title: 'Canvas/Example journeys',
  component: JourneyPreview,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof JourneyPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FirstDoseCheckIn: Story = { args: { document: byName('first-dose-check-in') } };
export const SelfInjectionOnboarding: Story = { args: { document: byName('self-injection-onboarding') } };
export const PharmacyRefill: Story = { args: { document: byName('pharmacy-refill') } };
export const DeclinerReEngagement: Story = { args: { document: byName('decliner-re-engagement') } };
export const Phq9CheckIn: Story = { args: { document: byName('phq-9-check-in') } };
export const Catalogue: Story = { args: { document: catalogueJourney } };
