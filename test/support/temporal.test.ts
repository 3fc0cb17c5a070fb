/** Proves the Temporal test helpers start real servers from the project's binaries and stop them cleanly. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startDevServer } from '../../runtime/setup/temporal-dev-server.js';
import { createLocalEnv, createTimeSkippingEnv, temporalTestTimeoutMs } from './temporal.js';

describe('Temporal test environments', () => {
  it(
    'starts the time-skipping test server and answers gRPC',
    async () => {
      const env = await createTimeSkippingEnv();
      try {
        expect(env.supportsTimeSkipping).toBe(true);
        const info = await env.connection.workflowService.getSystemInfo({});
        expect(info.capabilities).toBeTypeOf('object');
        const before = await env.currentTimeMs();
        await env.sleep('90d');
        expect((await env.currentTimeMs()) - before).toBeGreaterThanOrEqual(90 * 24 * 3600 * 1000);
      } finally {
        await env.teardown();
      }
    },
    temporalTestTimeoutMs,
  );

  it(
    'starts the dev server and answers gRPC',
    async () => {
      const env = await createLocalEnv();
      try {
        const info = await env.connection.workflowService.getSystemInfo({});
        expect(info.serverVersion).toMatch(/\d+\.\d+/);
      } finally {
        await env.teardown();
      }
    },
    temporalTestTimeoutMs,
  );

  it(
    'startDevServer persists to a file on loopback and stops on request',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'carepath-temporal-'));
      const server = await startDevServer({
        dataDir,
        namespace: 'carepath-test',
        searchAttributes: { CarepathStep: 'Keyword' },
        log: () => {},
      });
      try {
        expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
        const connection = await Connection.connect({ address: server.address });
        const namespace = await connection.workflowService.describeNamespace({ namespace: 'carepath-test' });
        expect(namespace.namespaceInfo?.name).toBe('carepath-test');
        await connection.close();
        expect((await fetch(server.uiUrl)).status).toBe(200);
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
      await expect(Connection.connect({ address: server.address, connectTimeout: 500 })).rejects.toThrow();
    },
    temporalTestTimeoutMs,
  );
});
