/** The data converter every Carepath client and worker uses: payloads encrypted by the codec, failure messages encrypted with them. */
import { fileURLToPath } from 'node:url';
import type { DataConverter } from '@temporalio/common';
import { EncryptionCodec } from './codec.js';
import type { PayloadKeyProvider } from './keys.js';

/** Loaded by path (Temporal's rule for converters that also run inside the workflow sandbox). */
export const failureConverterPath = fileURLToPath(new URL('./codec-failures.js', import.meta.url));

export function createDataConverter(keys: PayloadKeyProvider): DataConverter {
  return { payloadCodecs: [new EncryptionCodec(keys)], failureConverterPath };
}
