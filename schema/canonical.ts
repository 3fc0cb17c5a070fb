/** Canonical JSON and the SHA-256 content hash of a journey: everything but `layout`, keys sorted, no insignificant whitespace. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { JourneyDocument } from './document.js';

/** Serialises a JSON value with object keys sorted by code point, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return '[' + value.map((item) => canonicalJson(item === undefined ? null : item)).join(',') + ']';
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => JSON.stringify(key) + ':' + canonicalJson((value as Record<string, unknown>)[key]));
    return '{' + entries.join(',') + '}';
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}

/** The content of a journey that an approval covers: the document without its layout. */
export function hashedContent(document: JourneyDocument): Omit<JourneyDocument, 'layout'> {
  const { layout: _layout, ...content } = document;
  return content;
}

/** `sha256:<hex>` over the canonical JSON of everything but `layout`. */
export function contentHash(document: JourneyDocument): string {
  return 'sha256:' + bytesToHex(sha256(utf8ToBytes(canonicalJson(hashedContent(document)))));
}
