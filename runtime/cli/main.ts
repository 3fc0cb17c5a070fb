/** The `carepath` command line: validate a journey file, print its content hash, print the JSON Schema, simulate a cohort, verify the audit trail, add users. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  contentHash,
  journeyJsonSchema,
  parseJourneyJson,
  validateJourney,
  type JourneyDocument,
  type Problem,
} from '../../schema/index.js';
import { runSimulate, simulateUsage } from './simulate.js';
import { auditUsage, runAudit } from './audit.js';
import { runUsers, usersUsage } from './users.js';

/** Exit codes: 0 success, 1 the document has errors, 2 usage or an unreadable file. */
export const exitCodes = { ok: 0, invalid: 1, usage: 2 } as const;

const usage = `usage: carepath <command> [options]

commands:
  validate <file>   check a journey document; prints every problem as
                    <file>#<pointer> [<step>] <code>: <message>
  hash <file>       print the content hash of a valid journey document (jcs-sha256:
                    SHA-256 over the RFC 8785 JSON of all but layout)
  schema            print the journey document's JSON Schema
${simulateUsage}
${auditUsage}
${usersUsage}

options:
  -h, --help        show this help

exit codes: 0 valid (or simulated), 1 the document has errors, 2 usage error or unreadable file`;

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: Output = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** Runs one command line and returns its exit code; output goes through `io` so tests can call it in-process. */
export async function runCli(argv: string[], io: Output = stdio): Promise<number> {
  // simulate has options of its own; it parses them itself.
  if (argv[0] === 'simulate') return runSimulate(argv.slice(1), io, (file) => loadJourney(file, io));
  if (argv[0] === 'audit') return runAudit(argv.slice(1), io);
  if (argv[0] === 'users') return runUsers(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    io.err(`carepath: ${(error as Error).message}\n\n${usage}`);
    return exitCodes.usage;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === 'help') {
    io.out(usage);
    return exitCodes.ok;
  }
  switch (command) {
    case 'validate':
    case 'hash': {
      if (rest.length !== 1) return usageError(io, `${command} takes exactly one file`);
      const file = rest[0];
      const checked = loadJourney(file, io);
      if (typeof checked === 'number') return checked;
      const hash = await contentHash(checked);
      io.out(command === 'hash' ? hash : `valid: ${file} (${hash})`);
      return exitCodes.ok;
    }
    case 'schema':
      if (rest.length !== 0) return usageError(io, 'schema takes no arguments');
      io.out(JSON.stringify(journeyJsonSchema(), null, 2));
      return exitCodes.ok;
    case undefined:
      return usageError(io, 'no command given');
    default:
      return usageError(io, `unknown command "${command}"`);
  }
}

function usageError(io: Output, message: string): number {
  io.err(`carepath: ${message}\n\n${usage}`);
  return exitCodes.usage;
}

/** Reads and validates a journey file; returns the document, or the exit code after printing the problems. */
function loadJourney(file: string, io: Output): JourneyDocument | number {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.err(`carepath: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return exitCodes.usage;
  }
  const parsed = parseJourneyJson(text);
  if (!parsed.ok) {
    io.err(
      formatProblem(file, {
        code: 'structure.parse',
        pointer: parsed.pointer,
        severity: 'error',
        message: parsed.message,
      }),
    );
    return exitCodes.invalid;
  }
  const result = validateJourney(parsed.value);
  for (const problem of result.problems) (problem.severity === 'error' ? io.err : io.out)(formatProblem(file, problem));
  return result.ok ? result.document : exitCodes.invalid;
}

/** `<file>#<pointer> [<stepId>] <code>: <message>`; the step part only when the problem belongs to a step, `warning` before the code for warnings. */
export function formatProblem(file: string, problem: Problem): string {
  const step = problem.stepId ? ` [${problem.stepId}]` : '';
  const severity = problem.severity === 'warning' ? ' warning' : '';
  return `${file}#${problem.pointer}${step}${severity} ${problem.code}: ${problem.message}`;
}
