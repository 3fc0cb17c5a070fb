/** `carepath simulate`: reads a journey and a personas file, runs the cohort simulator, prints the summary, optionally writes every path as JSON. */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contentHash, isDuration, type JourneyDocument } from '../../schema/index.js';
import { formatSummary, parsePersonas, silentPersona, simulateCohort, type Persona } from '../simulator/index.js';

/** A fixed default start keeps runs without `--start` reproducible: Monday 6 January 2025, 09:00 in New York. */
export const DEFAULT_START = '2025-01-06T14:00:00Z';

export const simulateUsage = `  simulate <file> [options]
                    run a cohort of simulated patients through a valid journey on a virtual clock
                    and print patients by status, entered counts per step and counts per edge
      --personas <file>   personas JSON: { "personas": [{ id, weight, attributes, timeZone,
                          replies, answers, taskOutcomes, events, failures }] } (default: one silent persona)
      --patients <n>      cohort size (default 100)
      --seed <s>          number or text; the same seed gives the same cohort (default 1)
      --start <iso>       first enrollment, ISO 8601 (default ${DEFAULT_START})
      --enroll-over <d>   spread enrollments evenly over an ISO duration, e.g. P30D
      --horizon <d>       virtual time to run at most (default P2Y)
      --out <file>        write the summary and every patient's path as JSON`;

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Exit codes as the rest of the CLI: 0 ran, 1 the journey or personas file has errors, 2 usage or an unreadable file. */
export async function runSimulate(
  args: string[],
  io: Io,
  loadJourney: (file: string) => JourneyDocument | number,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        personas: { type: 'string' },
        patients: { type: 'string', default: '100' },
        seed: { type: 'string', default: '1' },
        start: { type: 'string', default: DEFAULT_START },
        'enroll-over': { type: 'string' },
        horizon: { type: 'string', default: 'P2Y' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`usage: carepath simulate <file> [options]\n${simulateUsage}`);
    return 0;
  }
  if (positionals.length !== 1) return usage(io, 'simulate takes exactly one journey file');
  const patients = Number(values.patients);
  if (!Number.isInteger(patients) || patients < 1 || patients > 1_000_000)
    return usage(io, `--patients must be a whole number from 1 to 1000000, not "${values.patients}"`);
  const start = Date.parse(values.start);
  if (Number.isNaN(start)) return usage(io, `--start must be an ISO 8601 date and time, not "${values.start}"`);
  for (const flag of ['enroll-over', 'horizon'] as const) {
    const value = values[flag];
    if (value !== undefined && !isDuration(value))
      return usage(io, `--${flag} must be an ISO 8601 duration such as P30D, not "${value}"`);
  }
  const seed = /^-?\d{1,15}$/.test(values.seed) ? Number(values.seed) : values.seed;

  const file = positionals[0];
  const definition = loadJourney(file);
  if (typeof definition === 'number') return definition;
  const personas = values.personas === undefined ? [silentPersona] : loadPersonas(values.personas, io);
  if (typeof personas === 'number') return personas;

  const began = performance.now();
  const cohort = simulateCohort(definition, personas, {
    patients,
    seed,
    start,
    horizon: values.horizon,
    ...(values['enroll-over'] !== undefined ? { enrollOver: values['enroll-over'] } : {}),
    keepPaths: values.out !== undefined,
  });
  const wallMs = performance.now() - began;
  for (const line of formatSummary(definition, cohort.summary, { wallMs, seed })) io.out(line);

  if (values.out !== undefined) {
    const report = {
      journey: definition.name,
      contentHash: await contentHash(definition),
      seed,
      start: new Date(start).toISOString(),
      patients,
      summary: cohort.summary,
      results: cohort.results,
    };
    try {
      writeFileSync(values.out, JSON.stringify(report, null, 2) + '\n');
    } catch (error) {
      io.err(
        `carepath: cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 2;
    }
    io.out(`paths written to ${values.out}`);
  }
  return 0;
}

function loadPersonas(file: string, io: Io): Persona[] | number {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      io.err(`carepath: cannot read ${file}: ${code}`);
      return 2;
    }
    io.err(`${file}# personas.parse: the personas file is not valid JSON (${(error as Error).message})`);
    return 1;
  }
  const parsed = parsePersonas(value);
  if (parsed.ok) return parsed.personas;
  for (const error of parsed.errors) {
    const [, path, message] = /^(.*?): (.*)$/s.exec(error) ?? [error, '(root)', error];
    io.err(`${file}#${path === '(root)' ? '' : `/${path}`} personas.invalid: ${message}`);
  }
  return 1;
}

function usage(io: Io, message: string): number {
  io.err(`carepath: ${message}\n\nusage: carepath simulate <file> [options]\n${simulateUsage}`);
  return 2;
}
