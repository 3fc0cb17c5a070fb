#!/usr/bin/env node
/**
 * Zero-hand-install entry point behind `npm start`, `npm test` and `bash .ci/run`. Plain Node with no
 * dependencies, because node_modules may not exist yet.
 *
 *   deps   npm dependencies: `npm ci` on a fresh clone, `npm install` from the lock when node_modules is older
 *   start  deps, the Temporal CLI (unless TEMPORAL_ADDRESS is set), the designer build, then runtime/main.ts
 *   bench  deps, the Temporal CLI, Chromium, the designer build, then test/bench/run.ts
 *   check  deps, then the type check, lint and format check over the whole tree
 *   test   deps, the checks (unless test files are named), the Temporal CLI and test server, Chromium,
 *          the designer build, then `vitest run <args>`
 *
 * Tools are resolved once here and handed to children as TEMPORAL_CLI, TEMPORAL_TEST_SERVER and
 * CHROMIUM_PATH, so parallel vitest workers never race to install them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const isWindows = process.platform === 'win32';
const stampFile = join(root, 'node_modules', '.carepath-installed');

const say = (line) => process.stderr.write(`carepath: ${line}\n`);

class Failure extends Error {
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

/** What the installed node_modules must match: the lock, package.json, and the platform (native packages). */
function dependencyFingerprint() {
  const hash = createHash('sha256');
  for (const file of ['package-lock.json', 'package.json']) {
    const path = join(root, file);
    if (existsSync(path)) hash.update(file).update(readFileSync(path));
  }
  hash.update(`${process.platform}-${process.arch}-node${process.versions.modules}`);
  return hash.digest('hex');
}

function npm(args) {
  const result = spawnSync('npm', args, {
    cwd: root,
    shell: isWindows,
    stdio: 'inherit',
  });
  if (result.error) throw new Failure(`could not run npm: ${result.error.message}`);
  return result;
}

function ensureDependencies() {
  const fingerprint = dependencyFingerprint();
  const hasModules = existsSync(join(root, 'node_modules'));
  if (hasModules && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === fingerprint) return;
  const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
  if (!existsSync(join(root, 'package-lock.json'))) {
    say('installing npm dependencies (no package-lock.json, so `npm install`)…');
    if (npm(['install', ...quiet]).status !== 0) throw new Failure('npm install failed (see above).');
  } else if (!hasModules) {
    // A fresh clone: exactly what the lock says. The lock lists every platform's optional packages
    // (@swc/core-darwin-arm64, @rolldown/binding-win32-x64-msvc, …), so this works on Linux, macOS and Windows alike.
    say('installing npm dependencies (npm ci)…');
    if (npm(['ci', ...quiet]).status !== 0) throw new Failure('npm ci failed (see above).');
  } else {
    // node_modules exists but the lock moved on (a pull, a new dependency): bring it up to date in place, so
    // other processes using node_modules (a running server, a test) are not pulled out from under them.
    say('package-lock.json changed: updating npm dependencies (npm install from the lock)…');
    if (npm(['install', ...quiet]).status !== 0) throw new Failure('npm install failed (see above).');
  }
  // Install scripts are not run by npm 11 by default; the packages this project needs without them
  // (esbuild, @swc/core, @temporalio/core-bridge) ship their binaries as packages, so none is needed.
  writeFileSync(stampFile, fingerprint + '\n');
  say('npm dependencies installed.');
}

/** Runs ensure-tools.ts and returns the environment variables it resolved. */
function ensureTools(names) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(root, 'runtime/setup/ensure-tools.ts'), ...names],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    },
  );
  if (result.error) throw new Failure(`could not run ensure-tools.ts: ${result.error.message}`);
  const env = JSON.parse(result.stdout.trim().split('\n').pop() || '{}');
  if (result.status !== 0) throw new Failure(`could not provide every tool (${names.join(', ')}); see above.`);
  return env;
}

/** Newest modification time under `path` (a file or a directory), ignoring node_modules and dotfiles. */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its directory's mtime
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function localBin(name) {
  return join(root, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
}

function ensureDesignerBuild() {
  const built = join(root, 'dist', 'designer', 'index.html');
  if (!existsSync(join(root, 'designer', 'index.html'))) return; // no designer app yet
  const sources = Math.max(
    ...['designer', 'schema', 'vite.config.ts', 'package-lock.json'].map((path) => newestMtime(join(root, path))),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  say('building the designer (vite build)…');
  const result = spawnSync(localBin('vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    shell: isWindows,
  });
  if (result.status !== 0) throw new Failure('the designer build failed (see above).');
}

/** The whole-tree checks that run before the tests: types, lint (with the architecture fences), formatting. */
function runChecks() {
  const checks = [
    ['type check (tsc --noEmit)', 'tsc', ['--noEmit', '-p', '.']],
    ['lint (eslint)', 'eslint', ['.', '--max-warnings', '0']],
    ['format (prettier --check)', 'prettier', ['--check', '.', '--log-level', 'warn']],
  ];
  for (const [what, bin, args] of checks) {
    say(`${what}…`);
    const result = spawnSync(localBin(bin), args, { cwd: root, stdio: 'inherit', shell: isWindows });
    if (result.status !== 0) throw new Failure(`the ${what} failed (see above); \`npm run format\` fixes formatting.`);
  }
}

/** Runs a child to completion, relaying Ctrl-C and termination to it, and resolves with its exit code. */
function runForwardingSignals(command, args, env) {
  return new Promise((resolveExit) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...env },
      shell: isWindows,
    });
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    const relay = (signal) => {
      // The terminal already sent SIGINT to the whole process group; relaying covers `kill <our pid>`.
      // The child treats a repeated signal as the same request.
      if (child.exitCode === null) child.kill(signal);
    };
    for (const signal of signals) process.on(signal, relay);
    child.on('error', (error) => {
      say(`could not start ${command}: ${error.message}`);
      resolveExit(127);
    });
    child.on('exit', (code, signal) => {
      for (const s of signals) process.off(s, relay);
      resolveExit(code ?? 128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    });
  });
}

async function main([command, ...args]) {
  switch (command) {
    case 'deps':
      ensureDependencies();
      return 0;
    case 'start': {
      ensureDependencies();
      const env = process.env.TEMPORAL_ADDRESS ? {} : ensureTools(['temporal-cli']);
      ensureDesignerBuild();
      say('starting Carepath…');
      return runForwardingSignals(process.execPath, ['--import', 'tsx', join(root, 'runtime/main.ts'), ...args], env);
    }
    case 'check':
      ensureDependencies();
      runChecks();
      return 0;
    case 'bench': {
      // The designer benchmark drives the built designer in Chromium against a local Carepath (Temporal dev server).
      ensureDependencies();
      const env = ensureTools(['temporal-cli', 'chromium']);
      ensureDesignerBuild();
      return runForwardingSignals(localBin('tsx'), [join(root, 'test/bench/run.ts'), ...args], env);
    }
    case 'test': {
      ensureDependencies();
      // A focused run (`npm test -- some/file.test.ts`) skips the whole-tree checks; the full suite and CI run them first.
      if (args.length === 0) runChecks();
      const env = ensureTools(['temporal-cli', 'temporal-test-server', 'chromium']);
      ensureDesignerBuild();
      say(`running the tests (vitest run${args.length ? ' ' + args.join(' ') : ''})…`);
      return runForwardingSignals(localBin('vitest'), ['run', ...args], env);
    }
    default:
      process.stderr.write('usage: node runtime/setup/bootstrap.mjs <deps|check|start|test|bench> [args…]\n');
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    say(error instanceof Failure ? error.message : error.stack);
    process.exit(typeof error.code === 'number' ? error.code : 1);
  },
);
