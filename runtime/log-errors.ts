/** How an error appears in a log line: type, code, message and stack, with the values of a failed database query left out. */

export interface LoggedError {
  type: string;
  message: string;
  code?: string;
  stack?: string;
  cause?: LoggedError;
}

/** Drizzle's "Failed query: … params: …" carries the row's values (names, phone numbers); the query itself is kept. */
const QUERY_PARAMS = /\nparams: [\s\S]*?(?=\n\s+at |$)/;

function scrub(text: string): string {
  return text.replace(QUERY_PARAMS, '\nparams: [redacted]');
}

/**
 * Only the fields listed: pino's default would also copy every enumerable property (a query's `params`, a request's
 * body). Non-errors are logged by type only, since their content is unknown.
 */
export function safeError(value: unknown, depth = 0): LoggedError {
  if (!(value instanceof Error)) return { type: typeof value, message: '(not an Error)' };
  const code = (value as { code?: unknown }).code;
  return {
    type: value.name,
    message: scrub(value.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(value.stack ? { stack: scrub(value.stack) } : {}),
    ...(value.cause !== undefined && depth < 3 ? { cause: safeError(value.cause, depth + 1) } : {}),
  };
}
