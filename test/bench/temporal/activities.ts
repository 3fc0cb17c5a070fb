/** The activities both benchmark workflows call: the same names and shapes as Carepath's, doing almost nothing, so only the workflow side differs. */
import type { createActivities } from '../../../runtime/temporal/activities.js';

type Activities = ReturnType<typeof createActivities>;

/** The step whose send asks the question the driver answers. */
export const QUESTION_STEP = 'ask-first-dose';

let sent = 0;

/** No database, no provider: a send answers at once with a made-up message id; the approval check always passes. */
export const benchActivities: Pick<
  Activities,
  'sendMessage' | 'recordEnrollmentEnd' | 'recordJourneyCommand' | 'checkApprovedVersion'
> = {
  async sendMessage({ step, workflowId }) {
    sent += 1;
    // The patient has the question now: tell the driver, which replies then (see workflow.bench.ts).
    if (step === QUESTION_STEP) process.send?.({ asked: workflowId });
    return { messageId: `bench-${sent}`, providerMessageId: `bench-${sent}` };
  },
  async recordEnrollmentEnd() {},
  async recordJourneyCommand() {},
  async checkApprovedVersion() {
    return { ok: true };
  },
};
