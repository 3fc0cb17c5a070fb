/** Storybook preview: the designer's own styles, so stories look as the app does. */
import type { Preview } from '@storybook/react-vite';
import '@xyflow/react/dist/style.css';
import '../designer/app/theme.css';

const preview: Preview = {
  parameters: { layout: 'centered' },
};

export default preview;
