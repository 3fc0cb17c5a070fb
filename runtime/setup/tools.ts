/** Shared plumbing for finding and installing the project's external tools: PATH lookup, a cross-process lock, progress lines. */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in runtime/setup/). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where project-local tools are installed (git-ignored). `CAREPATH_TOOLS_DIR` moves it, e.g. to a CI cache. */
export function toolsDir(): string {
  return process.env.CAREPATH_TOOLS_DIR ? resolve(process.env.CAREPATH_TOOLS_DIR) : join(projectRoot, '.tools');
}

/** Progress goes to stderr, so a command's stdout stays machine-readable. */
export function progress(message: string): void {
  process.stderr.write(`carepath: ${message}\n`);
}

/** True when `file` is a regular file this process may execute. */
export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH (with the PATHEXT suffixes on Windows). */
export function findOnPath(name: string): string | undefined {
  const suffixes = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const suffix of suffixes) {
      const candidate = join(dir, name + suffix);
      if (isExecutableFile(candidate)) return resolve(candidate);
    }
  }
  return undefined;
}

/** Runs a command to completion; resolves with its exit code and the tail of its output (for error messages). */
export function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise) => {
    // A tool's stdout is echoed to our stderr: callers of the `ensure` commands read paths from stdout.
    const child = spawn(command, args, {
      cwd: options.cwd ?? projectRoot,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('error', (error) => resolvePromise({ code: 127, output: `${output}\n${error.message}` }));
    child.on('close', (code, signal) => resolvePromise({ code: code ?? (signal ? 128 : 1), output }));
  });
}

const staleLockMs = 30 * 60_000;

/**
 * Runs `task` while holding a lock directory, so two processes (say, two vitest workers) never install
 * into the same place at once. A lock whose owner died, or that is older than 30 minutes, is taken over.
 */
export function withLock<T>(lockDir: string, task: () => Promise<T>): Promise<T> {
  // Callers in one process queue here first, so only other processes ever wait on the directory.
  const previous = inProcess.get(lockDir) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => withLockDir(lockDir, task));
  inProcess.set(lockDir, next);
  return next;
}

const inProcess = new Map<string, Promise<unknown>>();

async function withLockDir<T>(lockDir: string, task: () => Promise<T>): Promise<T> {
  mkdirSync(dirname(lockDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (lockIsStale(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!announced) progress(`waiting for another install to finish (${lockDir})…`);
      announced = true;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await task();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockIsStale(lockDir: string): boolean {
  try {
    if (Date.now() - statSync(lockDir).mtimeMs > staleLockMs) return true;
    const pid = Number(readFileSync(join(lockDir, 'owner'), 'utf8'));
    if (!pid) return false; // owner file not written yet: the owner is mid-acquire
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: no such process, so the owner died holding the lock. ENOENT: the lock just went away.
    return (error as NodeJS.ErrnoException).code === 'ESRCH' || (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}
