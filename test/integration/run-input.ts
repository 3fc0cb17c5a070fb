/** The decrypted input a workflow run started from, read from its history: what crossed into Temporal for that run. */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { decoded } from './history-coverage.js';

/** The run `runId` of `workflowId`, or its current run. */
export async function runInput(client: Client, workflowId: string, runId?: string): Promise<Record<string, unknown>> {
  const history = temporal.api.history.v1.History.fromObject(
    await client.workflow.getHandle(workflowId, runId).fetchHistory(),
  );
  const [input] = await decoded(history.events[0]?.workflowExecutionStartedEventAttributes?.input?.payloads);
  return input as Record<string, unknown>;
}
