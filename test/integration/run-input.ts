/** The decrypted input a workflow run started from, read from its history: what crossed into Temporal for that run. */
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { EncryptionCodec } from '../../runtime/temporal/codec.js';
import { testPayloadKeys } from '../support/payload-keys.js';

/** The run `runId` of `workflowId`, or its current run. */
export async function runInput(client: Client, workflowId: string, runId?: string): Promise<Record<string, unknown>> {
  const history = temporal.api.history.v1.History.fromObject(
    await client.workflow.getHandle(workflowId, runId).fetchHistory(),
  );
  const started = history.events[0]?.workflowExecutionStartedEventAttributes;
  const [payload] = await new EncryptionCodec(testPayloadKeys).decode(started?.input?.payloads ?? []);
  return JSON.parse(Buffer.from(payload!.data!).toString('utf8')) as Record<string, unknown>;
}
