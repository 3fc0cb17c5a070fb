/** The workflow bundle a child process builds for the running server is the very bundle the worker would build itself. */
import { describe, expect, it } from 'vitest';
import { bundleInChildProcess, enrollmentWorkflowBundle } from './workflow-bundle.js';

describe('the enrollment workflow bundle', () => {
  it('built by a child process, is the same code this process builds', async () => {
    const [child, own] = await Promise.all([bundleInChildProcess(), enrollmentWorkflowBundle()]);
    expect(child.code.length).toBeGreaterThan(100_000);
    expect(child.code).toBe(own.code);
  }, 180_000);
});
