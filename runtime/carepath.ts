/** Starts Carepath in one process: database, Temporal (a cluster, or a local dev server), the worker, and the HTTP server. */
import { serve, type ServerType } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { openDatabase } from './db/client.js';
import { openAuditKey, useAuditKey } from './db/audit-key.js';
import { hasUnsealedLegacyTrail, sealLegacyAuditTrail } from './db/audit.js';
import { cancelTasksOfEndedEnrollments } from './tasks/cancel.js';
import { ConnectorRegistry } from '../connectors/sdk/registry.js';
import { createDevConnector } from '../connectors/dev/dev-connector.js';
import { BUILT_IN_CONNECTORS, registerConfiguredConnectors } from './channels/configured.js';
import { createConnectorInstances } from './connectors/instances.js';
import { createSecretBox } from './connectors/secret-box.js';
import { createDevInboxStore } from './db/dev-inbox.js';
import { createWorker } from './temporal/worker.js';
import { bundleInChildProcess } from './temporal/workflow-bundle.js';
import { TASK_QUEUE } from './temporal/client.js';
import { freePort, startDevServer } from './setup/temporal-dev-server.js';
import { configuredPayloadKeys } from './temporal/keys-local.js';
import { createDataConverter } from './temporal/data-converter.js';
import { EncryptionCodec } from './temporal/codec.js';
import { createServerApp } from './server.js';
import { localAdminPassword, seedExamples, seedLocalAdmin, LOCAL_ADMIN_EMAIL } from './seed.js';
import { ensureUser } from './people/users.js';
import type { CarepathConfig } from './config.js';
import { log } from './log.js';
import { installTemporalLogging } from './temporal/runtime-log.js';
import { liveCountAttributeTypes, liveCountsRegistered } from './live-counts/registration.js';

export interface RunningCarepath {
  url: string;
  apiReferenceUrl: string;
  temporalUiUrl?: string;
  temporalAddress: string;
  login: { email: string; password: string };
  examples: string[];
  stop(): Promise<void>;
}

export async function startCarepath(config: CarepathConfig): Promise<RunningCarepath> {
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse())
      await Promise.resolve(stop()).catch((err) => log.warn({ err }, 'while stopping'));
  };
  try {
    // Before any Temporal connection exists: the SDK's runtime takes its logger when it is first created.
    installTemporalLogging();
    log.info({ database: config.databaseUrl.replace(/authToken=[^&]+/, 'authToken=…') }, 'opening the database');
    // Before anything is audited: the key lives outside the database.
    const auditKey = openAuditKey(config.dataDir, config.auditKey);
    useAuditKey(auditKey.key);
    const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
    stops.push(() => database.close());
    // The key file was made just now: the first start of this install, so a trail of unkeyed rows without a head
    // is one from before the keyed chain. Sealed here, once and audited; never silently by a later append.
    // (With CAREPATH_AUDIT_KEY the operator seals on purpose: `npx carepath audit seal-legacy`.)
    if (auditKey.created && (await hasUnsealedLegacyTrail(database.db))) {
      const sealed = await sealLegacyAuditTrail(database.db, auditKey.key);
      log.info(sealed, 'sealed the audit trail from before the keyed chain');
    }
    // Tasks that enrollments ended before endings cancelled them: cancelled once here, audited, like a later end.
    const cancelledTasks = await cancelTasksOfEndedEnrollments(database.db);
    if (cancelledTasks > 0)
      log.info({ tasks: cancelledTasks }, 'cancelled the open tasks of enrollments that had ended');

    const password = localAdminPassword(config.dataDir, config.adminPassword);
    await seedLocalAdmin(database.db, password);
    const adminId = await ensureUser(database.db, {
      email: LOCAL_ADMIN_EMAIL,
      name: 'Local Admin',
      password,
      roles: ['admin'],
    });
    const examples = config.loadExamples ? await seedExamples(database.db, adminId) : [];

    const payloadKeys = configuredPayloadKeys(
      { keys: config.payloadKeys, currentId: config.payloadKeyId },
      config.dataDir,
    );
    // The port is chosen before Temporal starts, so the dev server's Web UI can be pointed at our codec endpoint.
    const port = config.port || (await freePort());
    const url = `http://${config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

    let temporalAddress = config.temporalAddress;
    let temporalUiUrl = config.temporalUiUrl;
    if (!temporalAddress) {
      log.info({ dataDir: config.dataDir }, 'starting a local Temporal dev server');
      const dev = await startDevServer({
        dataDir: config.dataDir,
        namespace: config.temporalNamespace,
        uiCodecEndpoint: `${url}/api/temporal-codec`,
        searchAttributes: liveCountAttributeTypes,
        log: (line) => log[devServerLevel(line)]({ component: 'temporal-dev-server' }, line),
      });
      stops.push(() => dev.stop());
      temporalAddress = dev.address;
      // Opened as localhost, the same site as the designer, so the UI's codec requests carry the session cookie.
      temporalUiUrl = dev.uiUrl.replace('//127.0.0.1:', '//localhost:');
    }

    const connectors = new ConnectorRegistry().register(createDevConnector(createDevInboxStore(database.db)), {
      undeliverablePrefix: '+1555000',
    });
    // Provider connectors (Twilio, SMTP) from CAREPATH_CONNECTORS or CAREPATH_CONNECTORS_FILE; bad settings stop the start.
    const configured = registerConfiguredConnectors(connectors);
    if (configured.length > 0) log.info({ connectors: configured }, 'connectors configured');
    // Then the instances saved on the Connectors screen, their secrets sealed under a key derived from the payload keys.
    const connectorInstances = createConnectorInstances({
      db: database.db,
      registry: connectors,
      box: createSecretBox(payloadKeys),
      types: BUILT_IN_CONNECTORS,
    });
    for (const { id, problem } of await connectorInstances.sync())
      log.error({ connector: id }, `saved connector not in use: ${problem}`);
    // Other processes of the deployment save instances too: a send or webhook for an unknown id looks again at once,
    // and changes to known ones (a rotated token) are picked up within half a minute.
    connectors.refreshWith(() => connectorInstances.sync());
    const resync = setInterval(() => {
      connectorInstances.sync().catch((error: unknown) => log.error({ err: error }, 'reading saved connectors failed'));
    }, 30_000);
    resync.unref();
    stops.push(() => clearInterval(resync));

    const connection = await Connection.connect({ address: temporalAddress });
    stops.push(() => connection.close());
    const client = new Client({
      connection,
      namespace: config.temporalNamespace,
      dataConverter: createDataConverter(payloadKeys),
    });
    const publishLiveCounts = await liveCountsRegistered(client, config.temporalNamespace);
    if (!publishLiveCounts)
      log.warn(
        { searchAttributes: liveCountAttributeTypes },
        'live counts are off: register these search attributes on the Temporal namespace',
      );
    const temporal = { client, taskQueue: TASK_QUEUE, publishLiveCounts };

    // The server listens before the worker starts, so assessment links can name the address it really got.
    const app = createServerApp(
      {
        db: database.db,
        connectors,
        connectorInstances,
        temporal: () => temporal,
        publicUrl: config.publicUrl,
        temporalAddress,
        payloadCodec: {
          codec: new EncryptionCodec(payloadKeys),
          uiOrigins: temporalUiUrl ? [new URL(temporalUiUrl).origin] : [],
        },
      },
      config.designerDir,
    );
    const server = await listen(app.fetch, port, config.host);
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));

    const workerConnection = await NativeConnection.connect({ address: temporalAddress });
    stops.push(() => workerConnection.close());
    log.info('bundling the workflows for the worker');
    const worker = await createWorker({
      // Bundled by a child process, so the worker does not carry webpack's memory for as long as it runs.
      workflowBundle: await bundleInChildProcess(),
      connection: workerConnection,
      namespace: config.temporalNamespace,
      taskQueue: TASK_QUEUE,
      db: database.db,
      connectors,
      publicUrl: config.publicUrl ?? url,
      payloadKeys,
      requireConsent: config.requireConsent,
    });
    const running = worker.run();
    stops.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
    });
    return {
      url,
      apiReferenceUrl: `${url}/api/reference`,
      temporalUiUrl,
      temporalAddress,
      login: { email: LOCAL_ADMIN_EMAIL, password },
      examples,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** The dev server prints its banner as plain lines and its own warnings and errors with a level: keep that level. */
function devServerLevel(line: string): 'error' | 'warn' | 'info' {
  if (/level[=":\s]+(error|fatal)/i.test(line)) return 'error';
  return /level[=":\s]+warn/i.test(line) ? 'warn' : 'info';
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
