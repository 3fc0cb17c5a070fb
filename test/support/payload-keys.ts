/** The payload keys every integration test's client and worker share: fixed, so histories recorded by the tests replay with them. */
import { createDataConverter } from '../../runtime/temporal/data-converter.js';
import { staticKeyProvider } from '../../runtime/temporal/keys.js';

/** Not a secret: it only ever protects test data. */
export const testPayloadKeys = staticKeyProvider(
  [{ id: 'test-1', material: new Uint8Array(Buffer.from('carepath-test-payload-key-32byte', 'utf8')) }],
  'test-1',
);

export const testDataConverter = createDataConverter(testPayloadKeys);
