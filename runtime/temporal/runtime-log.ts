/** The Temporal SDK's own log (worker, workflow `log`, activity `log`, and the native core) routed through Carepath's pino logger. */
import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { Runtime } from '@temporalio/worker';
import { log } from '../log.js';

const rank: Record<LogLevel, number> = { TRACE: 10, DEBUG: 20, INFO: 30, WARN: 40, ERROR: 50 };
const pinoLevel = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/** Temporal logs every workflow and activity task at INFO; only warnings and errors are news by default. */
function levelFromEnv(value = process.env.TEMPORAL_LOG_LEVEL): LogLevel {
  const level = (value ?? 'WARN').toUpperCase();
  if (!(level in rank))
    throw new Error(`TEMPORAL_LOG_LEVEL must be one of ${Object.keys(rank).join(', ')}, not "${value}"`);
  return level as LogLevel;
}

/** Adapts pino to Temporal's `Logger`: the metadata (workflow, run and activity ids) becomes the line's fields. */
export class TemporalPinoLogger implements Logger {
  constructor(readonly minimum: LogLevel = levelFromEnv()) {}

  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    if (rank[level] < rank[this.minimum]) return;
    // Symbol keys (the SDK's own timestamp) do not survive JSON; the string keys are what the SDK documents.
    log[pinoLevel[level]]({ ...meta, component: 'temporal' }, message);
  }
  trace(message: string, meta?: LogMetadata) {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata) {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata) {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata) {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata) {
    this.log('ERROR', message, meta);
  }
}

let installed = false;

/**
 * Installs the logger into the Temporal runtime, with the native core's lines forwarded to it too (else the core
 * writes to stderr on its own). Must run before the first connection or worker; later calls do nothing.
 */
export function installTemporalLogging(level: LogLevel = levelFromEnv()): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({
      logger: new TemporalPinoLogger(level),
      telemetryOptions: { logging: { filter: { core: level, other: level }, forward: {} } },
    });
  } catch (error) {
    // Another part of this process created the runtime first; its logger stays. Say so instead of failing start-up.
    log.info({ err: error }, 'the Temporal runtime was already created; its own logger stays in place');
  }
}
