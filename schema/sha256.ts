/** SHA-256 of UTF-8 text through the platform's WebCrypto, the same call in Node and the browser, as lowercase hex. */

const hexDigits = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Digests `text` as UTF-8. Browsers offer WebCrypto only in secure contexts (https, localhost), so say so when it is missing. */
export async function sha256Hex(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new Error('SHA-256 needs WebCrypto (crypto.subtle), which browsers offer only on https or localhost pages');
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += hexDigits[byte];
  return hex;
}
