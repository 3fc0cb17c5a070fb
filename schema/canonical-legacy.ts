/** The first, home-made canonical JSON: what `sha256:` content hashes (bound to early versions) were computed over. Kept only to verify them. */

/** Serialises a JSON value with object keys sorted by UTF-16 code units. Frozen: changing it would break every `sha256:` hash. */
export function legacyCanonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return '[' + value.map((item) => legacyCanonicalJson(item === undefined ? null : item)).join(',') + ']';
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => JSON.stringify(key) + ':' + legacyCanonicalJson((value as Record<string, unknown>)[key]));
    return '{' + entries.join(',') + '}';
  }
  throw new Error(`canonical JSON cannot hold a ${typeof value}`);
}
