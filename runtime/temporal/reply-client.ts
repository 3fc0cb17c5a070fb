/** The API's side of replies and delivery reports: a reply as a Workflow Update (refused or answered), a late failure as a signal. */
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { ReplySignal } from './types.js';
import { deliveryFailedSignal, replyUpdate, type DeliveryFailure, type ReplyResult } from './reply-update.js';

/** The workflow's answer, or `refused` with its reason when it was not waiting for a reply (nothing was applied). */
export type ReplyDelivery = ({ accepted: true } & ReplyResult) | { accepted: false; reason: string };

export async function submitReply(client: Client, workflowId: string, reply: ReplySignal): Promise<ReplyDelivery> {
  try {
    const result = await client.workflow.getHandle(workflowId).executeUpdate(replyUpdate, { args: [reply] });
    return { accepted: true, ...result };
  } catch (error) {
    // The validator's refusal, or a run that has ended: the reply belongs elsewhere. Anything else is an outage.
    if (error instanceof WorkflowUpdateFailedError)
      return { accepted: false, reason: (error.cause as Error | undefined)?.message ?? error.message };
    if (error instanceof WorkflowNotFoundError) return { accepted: false, reason: 'The enrollment is not running.' };
    throw error;
  }
}

export async function reportDeliveryFailure(
  client: Client,
  workflowId: string,
  failure: DeliveryFailure,
): Promise<void> {
  await client.workflow.getHandle(workflowId).signal(deliveryFailedSignal, failure);
}
