/** Canonical JSON (RFC 8785) and the content hash of a journey: SHA-256 over everything but `layout`, prefixed with the scheme that made it. */
import canonicalize from 'canonicalize';
import { legacyCanonicalJson } from './canonical-legacy.js';
import type { JourneyDocument } from './document.js';
import { sha256Hex } from './sha256.js';

/** RFC 8785 (JSON Canonicalization Scheme): keys sorted by UTF-16 code units, ECMAScript number form, minimal string escapes. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined)
    throw new Error(`canonical JSON cannot hold ${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`);
  return text;
}

/** The content of a journey that an approval covers: the document without its layout. */
export function hashedContent(document: JourneyDocument): Omit<JourneyDocument, 'layout'> {
  const { layout: _layout, ...content } = document;
  return content;
}

/**
 * Each scheme is the canonical form its hashes were computed over. An approval is bound to a hash string, so a hash
 * keeps the scheme that made it: `jcs-sha256` is current; `sha256` is the legacy form of versions made before it.
 */
const schemes = {
  'jcs-sha256': canonicalJson,
  sha256: legacyCanonicalJson,
} satisfies Record<string, (value: unknown) => string>;

export type ContentHashScheme = keyof typeof schemes;

/** The scheme new versions are hashed with. */
export const currentHashScheme: ContentHashScheme = 'jcs-sha256';

const hashPattern = /^([a-z0-9-]+):([0-9a-f]{64})$/;

/** `jcs-sha256:<hex>` (or the named scheme) over the canonical JSON of everything but `layout`. */
export async function contentHash(
  document: JourneyDocument,
  scheme: ContentHashScheme = currentHashScheme,
): Promise<string> {
  return `${scheme}:${await sha256Hex(schemes[scheme](hashedContent(document)))}`;
}

/** The scheme a hash string names, or undefined when it is not a content hash this code knows. */
export function contentHashScheme(hash: string): ContentHashScheme | undefined {
  const scheme = hashPattern.exec(hash)?.[1];
  return scheme !== undefined && Object.hasOwn(schemes, scheme) ? (scheme as ContentHashScheme) : undefined;
}

/** True when `hash` is the content hash of `document` under the scheme the hash names; false for any other string. */
export async function verifyContentHash(document: JourneyDocument, hash: string): Promise<boolean> {
  const scheme = contentHashScheme(hash);
  return scheme !== undefined && (await contentHash(document, scheme)) === hash;
}
