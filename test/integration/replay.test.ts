/** Replays the checked-in enrollment histories with today's workflow code: an interpreter change that would break running enrollments fails here. */
import { describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { enrollmentWorkflowBundle } from '../../runtime/temporal/worker.js';
import { checkedInHistories } from './histories.js';
import { testDataConverter } from '../support/payload-keys.js';

describe('enrollment workflow replay', () => {
  it('replays every checked-in history without nondeterminism', async () => {
    const histories = checkedInHistories();
    expect(histories.length).toBeGreaterThan(0);
    const bundle = await enrollmentWorkflowBundle();
    for await (const result of Worker.runReplayHistories(
      // Histories recorded before encryption are plain and pass through the codec; newer ones carry the test key.
      { workflowBundle: bundle, dataConverter: testDataConverter },
      histories,
    )) {
      expect(result.error, `replaying ${result.workflowId}`).toBeUndefined();
    }
  }, 180_000);
});
