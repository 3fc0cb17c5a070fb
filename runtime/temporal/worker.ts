/** The enrollment worker: the bundled enrollment workflow plus activities wired to the database and the connectors. */
import { Worker, type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import type { Database } from '../db/client.js';
import type { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { createActivities } from './activities.js';
import { TASK_QUEUE } from './client.js';
import { createDataConverter } from './data-converter.js';
import type { PayloadKeyProvider } from './keys.js';
import { enrollmentWorkflowBundle } from './workflow-bundle.js';

export interface EnrollmentWorkerOptions {
  connection: NativeConnection;
  /** Defaults to `default`. */
  namespace?: string;
  /** Defaults to `TASK_QUEUE`. */
  taskQueue?: string;
  db: Database;
  connectors: ConnectorRegistry;
  /** Where patients open assessment web forms, e.g. https://care.example.org. */
  publicUrl?: string;
  /** Keys of the payload codec: every payload this worker writes is encrypted, so there is no default. */
  payloadKeys: PayloadKeyProvider;
  /** Sends through a provider need a granted consent on record (the configuration's CAREPATH_REQUIRE_CONSENT). */
  requireConsent?: boolean;
  /** A bundle built elsewhere (`bundleInChildProcess`); by default this process bundles once and shares it. */
  workflowBundle?: WorkflowBundle;
}

export async function createWorker({
  connection,
  namespace = 'default',
  taskQueue = TASK_QUEUE,
  db,
  connectors,
  publicUrl,
  payloadKeys,
  requireConsent,
  workflowBundle,
}: EnrollmentWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    workflowBundle: workflowBundle ?? (await enrollmentWorkflowBundle()),
    activities: createActivities({ db, connectors, requireConsent, ...(publicUrl ? { publicUrl } : {}) }),
    dataConverter: createDataConverter(payloadKeys),
  });
}
