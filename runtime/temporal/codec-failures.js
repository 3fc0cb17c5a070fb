/**
 * The failure converter of the worker and the workflow sandbox: failure messages and stack traces travel as an
 * encoded payload, so the payload codec encrypts them too (a provider's error can quote what a patient wrote).
 * Plain JavaScript because Temporal loads it by path, with `require` in the worker and with webpack in the bundle.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
