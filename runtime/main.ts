/** `npm start`: runs Carepath on its embedded defaults and prints where to open it; Ctrl-C stops everything cleanly. */
import { configFromEnv } from './config.js';
import { startCarepath, type RunningCarepath } from './carepath.js';
import { log } from './log.js';

const config = configFromEnv();

let carepath: RunningCarepath | undefined;
let stopping = false;

/** Stops what is running; a signal that arrives while Carepath is still starting is honoured as soon as the start finishes. */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'stopping');
  if (!carepath) return;
  await carepath.stop();
  log.info('stopped');
  process.exit(0);
}

// Registered before anything starts, so Ctrl-C during start-up (bundling, the dev server) still shuts everything down.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

try {
  carepath = await startCarepath(config);
  if (stopping) {
    await carepath.stop();
    log.info('stopped');
    process.exit(0);
  }
  log.info({ url: carepath.url, temporalAddress: carepath.temporalAddress }, 'Carepath is running');
  // For the person at the terminal, not for the log: where to go and how to log in (the password never goes to the log).
  process.stdout.write(`
  Carepath is running.

    Designer          ${carepath.url}
    API reference     ${carepath.apiReferenceUrl}
    Temporal Web UI   ${carepath.temporalUiUrl ?? `(using the Temporal cluster at ${carepath.temporalAddress})`}
                      payloads are encrypted; logged in to the designer in the same browser as a program manager
                      or care team member (the local login is a program manager), tick "Include cross-origin
                      credentials" in the UI's codec settings to read them decrypted (every decode is audited)

    Local login       ${carepath.login.email}
    Password          ${carepath.login.password}
${carepath.examples.length ? `\n    Example journeys loaded: ${carepath.examples.join(', ')}\n` : ''}
  Press Ctrl-C to stop.

`);
} catch (error) {
  log.fatal({ err: error }, 'could not start');
  process.stderr.write(`carepath: could not start: ${(error as Error).message}\n`);
  process.exit(1);
}
