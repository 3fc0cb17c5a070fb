/** Test configuration: unit tests beside the code, integration tests on real Temporal, end-to-end tests in real Chromium. */
import { defineConfig } from 'vitest/config';

// Request and send log lines would bury the test output; warnings still show. LOG_LEVEL=info shows everything.
// Set here, in the main process, so every test worker inherits it.
process.env.LOG_LEVEL ??= 'warn';

export default defineConfig({
  test: {
    // One file at a time: the integration and browser tests start real servers, and CI has two cores.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'schema/**/*.test.ts',
            'runtime/**/*.test.ts',
            'connectors/**/*.test.ts',
            'designer/**/*.test.ts',
            'examples/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/support/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
