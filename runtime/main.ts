/** `npm start`: runs Carepath on its embedded defaults and prints where to open it; Ctrl-C stops everything cleanly. */
import { configFromEnv } from './config.js';
import { startCarepath, type RunningCarepath } from './carepath.js';

const config = configFromEnv();
const say = (line: string) => console.log(`carepath: ${line}`);

let carepath: RunningCarepath | undefined;
let stopping = false;

/** Stops what is running; a signal that arrives while Carepath is still starting is honoured as soon as the start finishes. */
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping…`);
  if (!carepath) return;
  await carepath.stop();
  say('stopped.');
  process.exit(0);
}

// Registered before anything starts, so Ctrl-C during start-up (bundling, the dev server) still shuts everything down.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

try {
  carepath = await startCarepath(config, say);
  if (stopping) {
    await carepath.stop();
    say('stopped.');
    process.exit(0);
  }
  console.log(`
  Carepath is running.

    Designer          ${carepath.url}
    API reference     ${carepath.apiReferenceUrl}
    Temporal Web UI   ${carepath.temporalUiUrl ?? `(using the Temporal cluster at ${carepath.temporalAddress})`}

    Local login       ${carepath.login.email}
    Password          ${carepath.login.password}
${carepath.examples.length ? `\n    Example journeys loaded: ${carepath.examples.join(', ')}\n` : ''}
  Press Ctrl-C to stop.
`);
} catch (error) {
  console.error(`carepath: could not start: ${(error as Error).message}`);
  process.exit(1);
}
