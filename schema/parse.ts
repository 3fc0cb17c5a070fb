/** Reading untrusted journey JSON safely: size, depth and key limits before the schema sees it. */

/** Documented limits for a journey document; past them a document is refused with a precise error. */
export const documentLimits = {
  /** Bytes of JSON text. */
  maxBytes: 2_000_000,
  /** Nesting depth of objects and arrays. */
  maxDepth: 32,
  /** Steps in one journey. */
  maxSteps: 2_000,
} as const;

/** Parses JSON text, refusing oversized or too-deep input, and forbidden keys (`__proto__`, `constructor`, `prototype`). */
export function parseJourneyJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; pointer: string; message: string } {
  if (text.length > documentLimits.maxBytes) {
    return {
      ok: false,
      pointer: '',
      message: `The document is ${text.length} bytes; the limit is ${documentLimits.maxBytes}.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, pointer: '', message: `The document is not valid JSON: ${(error as Error).message}` };
  }
  const problem = checkShape(value);
  return problem ? { ok: false, ...problem } : { ok: true, value };
}

/** Walks a parsed value iteratively (no recursion to overflow) and reports the first depth or key violation; `at` places a part of a document (a step) at its depth and pointer. */
export function checkShape(value: unknown, at = { depth: 0, path: '' }): { pointer: string; message: string } | null {
  const stack: Array<{ node: unknown; depth: number; path: string }> = [{ node: value, ...at }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { node, depth, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (seen.has(node)) return { pointer: path, message: 'The document refers to itself (a reference cycle).' };
    seen.add(node);
    if (depth >= documentLimits.maxDepth) {
      return { pointer: path, message: `The document is nested deeper than ${documentLimits.maxDepth} levels.` };
    }
    for (const key of Object.keys(node)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
        return { pointer: `${path}/${key}`, message: `The key "${key}" is not allowed in a journey document.` };
      }
      stack.push({
        node: (node as Record<string, unknown>)[key],
        depth: depth + 1,
        path: `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
      });
    }
  }
  return null;
}
