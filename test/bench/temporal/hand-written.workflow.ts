/**
 * The first-dose check-in written by hand as a Temporal workflow, for the benchmark: the same approval check, sends,
 * one-second wait, reply Update (same name, same validator rule) and end record as the interpreted journey, in plain code.
 */
import { ApplicationFailure, condition, proxyActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../../runtime/temporal/activities.js';
import { replyUpdate, type ReplyResult } from '../../../runtime/temporal/reply-update.js';

type Activities = ReturnType<typeof createActivities>;

const { sendMessage, checkApprovedVersion, recordEnrollmentEnd } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 10 },
});

export interface HandWrittenInput {
  enrollmentId: string;
  versionId: string;
  waitMs: number;
}

const classes: Record<string, string> = { '1': 'yes', yes: 'yes', y: 'yes', '2': 'no', no: 'no', n: 'no' };

export async function handWrittenCheckIn({ enrollmentId, versionId, waitMs }: HandWrittenInput): Promise<string> {
  const { workflowId } = workflowInfo();
  const base = { enrollmentId, workflowId, visit: 1, channel: 'sms', connector: 'dev' };
  let awaiting = false;
  let answer: string | undefined;

  setHandler(
    replyUpdate,
    async ({ text }): Promise<ReplyResult> => {
      const output = classes[text.trim().toLowerCase()];
      if (!output) return { applied: false, step: 'ask-first-dose' };
      answer = output;
      awaiting = false;
      return { applied: true, step: 'ask-first-dose', output };
    },
    {
      validator: (reply) => {
        if (reply.text.trim() === '') throw ApplicationFailure.nonRetryable('The reply is empty.');
        if (!awaiting) throw ApplicationFailure.nonRetryable('The journey is not waiting for a reply right now.');
      },
    },
  );

  const verdict = await checkApprovedVersion({ enrollmentId, versionId });
  if (!verdict.ok) return 'refused';
  await sendMessage({ ...base, step: 'welcome', template: 'welcome', consentPurpose: 'adherence-support' });
  await sleep(waitMs);
  await sendMessage({ ...base, step: 'ask-first-dose', template: 'ask', consentPurpose: 'adherence-support' });
  awaiting = true;
  const replied = await condition(() => answer !== undefined, '1 day');
  const end = replied ? answer! : 'timeout';
  await recordEnrollmentEnd({ enrollmentId, status: 'completed' });
  return end;
}
