/**
 * Finds the browser for end-to-end tests: Debian's `chromium` package, driven by playwright-core (no browser download).
 *
 * Order: `CHROMIUM_PATH`, `/usr/bin/chromium`, `chromium` / `chromium-browser` on PATH. When none is there and we
 * run as root (CI containers), `apt-get install chromium`; otherwise an error says how to install it.
 *
 * CLI: `node --import tsx runtime/setup/chromium.ts ensure` prints the path on stdout.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath, isExecutableFile, progress, run, toolsDir, withLock } from './tools.js';

let cached: Promise<string> | undefined;

/** Absolute path of a Chromium executable; installs Debian's package when running as root. */
export function chromiumPath(): Promise<string> {
  cached ??= locate();
  cached.catch(() => (cached = undefined)); // a failure is not cached: the user may install it and retry
  return cached;
}

function existing(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`);
  }
  if (isExecutableFile('/usr/bin/chromium')) return '/usr/bin/chromium';
  return findOnPath('chromium') ?? findOnPath('chromium-browser');
}

async function locate(): Promise<string> {
  const found = existing();
  if (found) return found;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && findOnPath('apt-get') !== undefined;
  if (!canInstall) throw new Error(howToInstall());
  return withLock(join(toolsDir(), 'apt.lock'), async () => existing() ?? (await aptInstall()));
}

async function aptInstall(): Promise<string> {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  progress('installing Chromium with apt-get (one time)…');
  const update = await run('apt-get', ['update', '-qq'], { env, quiet: true });
  if (update.code !== 0) throw new Error(`apt-get update failed:\n${update.output}\n${howToInstall()}`);
  const install = await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env, quiet: true });
  if (install.code !== 0) throw new Error(`apt-get install chromium failed:\n${install.output}\n${howToInstall()}`);
  const found = existing();
  if (!found) throw new Error(`apt-get installed chromium, but no chromium executable was found.\n${howToInstall()}`);
  return found;
}

function howToInstall(): string {
  return (
    'Chromium is needed for the end-to-end tests and was not found. Install it with:\n' +
    '  sudo apt-get install chromium\n' +
    '(or point CHROMIUM_PATH at a Chromium or Chrome executable).'
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv[2] !== 'ensure') {
    process.stderr.write('usage: node --import tsx runtime/setup/chromium.ts ensure\n');
    process.exit(2);
  }
  chromiumPath().then(
    (path) => process.stdout.write(path + '\n'),
    (error: Error) => {
      process.stderr.write(`carepath: ${error.message}\n`);
      process.exit(1);
    },
  );
}
