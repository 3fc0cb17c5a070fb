/** Validation problems: what is wrong, where (JSON pointer and step id), a stable code, and a sentence a program manager understands. */

export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  /** Stable machine-readable code, e.g. `graph.unconnected-output`. */
  code: string;
  /** RFC 6901 JSON pointer into the journey document. */
  pointer: string;
  /** The step the problem belongs to, when it belongs to one. */
  stepId?: string;
  severity: ProblemSeverity;
  message: string;
}

/** Escapes one reference token of a JSON pointer (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from path segments. */
export function toPointer(path: ReadonlyArray<string | number | symbol>): string {
  return path.length === 0 ? '' : '/' + path.map((p) => pointerToken(String(p))).join('/');
}

/** The step id a pointer falls under (`/steps/<id>/...`), if any. */
export function stepIdOfPointer(pointer: string): string | undefined {
  const match = /^\/steps\/([^/]+)/.exec(pointer);
  return match ? match[1].replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}
