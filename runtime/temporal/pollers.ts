/** Whether a worker is polling the enrollment task queue, as the Temporal server sees it: the runtime is ready only then. */
import type { Client } from '@temporalio/client';

/** `TaskQueueKind.TASK_QUEUE_KIND_NORMAL` and `TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW` of Temporal's API (@temporalio/proto is a dev dependency here). */
const KIND_NORMAL = 1;
const TYPE_WORKFLOW = 1;

/**
 * An idle worker long-polls for about a minute at a time and the server notes each poll's start; a poller
 * not seen for this long has gone (the server itself forgets pollers after five minutes).
 */
const POLLED_WITHIN_MS = 2 * 60_000;

/** True when some worker polled `taskQueue` for workflow tasks recently. Any worker process counts, not only ours. */
export async function workerIsPolling(client: Client, taskQueue: string, now = Date.now()): Promise<boolean> {
  const { pollers } = await client.workflowService.describeTaskQueue({
    namespace: client.options.namespace,
    taskQueue: { name: taskQueue, kind: KIND_NORMAL },
    taskQueueType: TYPE_WORKFLOW,
  });
  return (pollers ?? []).some(({ lastAccessTime }) => {
    const seconds = Number(lastAccessTime?.seconds ?? 0);
    return seconds > 0 && now - seconds * 1000 < POLLED_WITHIN_MS;
  });
}
