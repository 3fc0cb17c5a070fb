/** The one logger: pino JSON lines on stdout, level from LOG_LEVEL, and no patient name, contact detail or message text in any line. */
import pino, { type Logger } from 'pino';
import { safeError } from './log-errors.js';

/**
 * Keys whose values are patient data (or secrets) wherever they appear, up to four levels deep. Call sites pass ids;
 * this is the net under them, so that an object logged whole (a patient row, a message, a request body) stays safe.
 */
const sensitiveKeys = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'email',
  'address',
  'to',
  'from',
  'body',
  'text',
  'reply',
  'subject',
  'template',
  'answers',
  'attributes',
  'patient',
  'password',
  'token',
  'cookie',
  'authorization',
];
export const redactPaths = sensitiveKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

/** Contact details that slip into free text (a provider's error quoting the address) are masked in the finished line. */
const EMAIL = /[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}/g;
const PHONE = /\+\d[\d\s().-]{6,18}\d/g;
export function maskContactDetails(line: string): string {
  return line.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
}

const levels = Object.keys(pino.levels.values);

function levelFromEnv(value = process.env.LOG_LEVEL): string {
  if (value === undefined || value === '') return 'info';
  if (!levels.includes(value)) throw new Error(`LOG_LEVEL must be one of ${levels.join(', ')}, not "${value}"`);
  return value;
}

/**
 * Where lines go: stdout, unless a test (or a host embedding Carepath) redirects them with `redirectLogs`. Kept on
 * the global object because a test runner may load this module more than once in a process while the Temporal
 * runtime, created once per process, keeps the logger of the first load: all of them must write to the same place.
 */
type Sink = { write(line: string): unknown };
const SINK = Symbol.for('carepath.log.sink');
const shared = globalThis as { [SINK]?: Sink };
shared[SINK] ??= process.stdout;

export const log: Logger = pino(
  {
    level: levelFromEnv(),
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: safeError, error: safeError },
    hooks: { streamWrite: maskContactDetails },
  },
  { write: (line: string) => shared[SINK]!.write(line) },
);

/** Sends every log line to `write` (and sets the level) until the returned function restores stdout and the old level. */
export function redirectLogs(write: (line: string) => void, level = log.level): () => void {
  const previous = { sink: shared[SINK], level: log.level };
  shared[SINK] = { write };
  log.level = level;
  return () => {
    shared[SINK] = previous.sink;
    log.level = previous.level;
  };
}
