/**
 * Real Temporal for integration tests, using the binaries found by runtime/setup/temporal-binaries.ts
 * (no download when they are installed): the time-skipping test server, and the CLI's dev server.
 * Call `await env.teardown()` in `afterAll`.
 */
import {
  TestWorkflowEnvironment,
  type LocalTestWorkflowEnvironmentOptions,
  type TimeSkippingTestWorkflowEnvironmentOptions,
} from '@temporalio/testing';
import { temporalCli, temporalTestServer } from '../../runtime/setup/temporal-binaries.js';
import { testDataConverter } from './payload-keys.js';

/** Integration tests that start a server should allow this long (first start of the Java test server is slow on 2 cores). */
export const temporalTestTimeoutMs = 120_000;

/** The time-skipping test server: `env.sleep('90d')` returns at once. Falls back to the SDK's download if no binary is found. */
export async function createTimeSkippingEnv(
  options: TimeSkippingTestWorkflowEnvironmentOptions = {},
): Promise<TestWorkflowEnvironment> {
  const path = await temporalTestServer();
  return TestWorkflowEnvironment.createTimeSkipping({
    ...options,
    // The client encrypts like the harness's worker, so tests read what the workflow wrote.
    client: { dataConverter: testDataConverter, ...options.client },
    server: { ...(path ? { executable: { type: 'existing-path', path } } : {}), ...options.server },
  });
}

/** The CLI's dev server (in memory unless `server.dbFilename` is given), the same server `npm start` uses. */
export async function createLocalEnv(
  options: LocalTestWorkflowEnvironmentOptions = {},
): Promise<TestWorkflowEnvironment> {
  const path = await temporalCli();
  return TestWorkflowEnvironment.createLocal({
    ...options,
    client: { dataConverter: testDataConverter, ...options.client },
    server: { ip: '127.0.0.1', ...(path ? { executable: { type: 'existing-path', path } } : {}), ...options.server },
  });
}
