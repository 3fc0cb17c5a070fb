/** The activities both benchmark workflows call: the same names and shapes as Carepath's, doing almost nothing, so only the workflow side differs. */
import type { createActivities } from '../../../runtime/temporal/activities.js';

type Activities = ReturnType<typeof createActivities>;

let sent = 0;

/** No database, no provider: a send answers at once with a made-up message id; the approval check always passes. */
export const benchActivities: Pick<
  Activities,
  'sendMessage' | 'recordEnrollmentEnd' | 'recordJourneyCommand' | 'checkApprovedVersion'
> = {
  async sendMessage() {
    sent += 1;
    return { messageId: `bench-${sent}`, providerMessageId: `bench-${sent}` };
  },
  async recordEnrollmentEnd() {},
  async recordJourneyCommand() {},
  async checkApprovedVersion() {
    return { ok: true };
  },
};
