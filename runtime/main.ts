/** `npm start`: runs Carepath on its embedded defaults and prints where to open it; Ctrl-C stops everything cleanly. */
import { configFromEnv } from './config.js';
import { startCarepath } from './carepath.js';

const config = configFromEnv();
const say = (line: string) => console.log(`carepath: ${line}`);

try {
  const carepath = await startCarepath(config, say);
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    await carepath.stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  console.error(`carepath: could not start: ${(error as Error).message}`);
  process.exit(1);
}
