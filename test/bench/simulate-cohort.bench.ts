/** Benchmark: 10,000 simulated patients through the pharmacy-refill journey (60% reply 1, 20% reply 2, 20% silent), wall time and throughput. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateJourney, type JourneyDocument } from '../../schema/index.js';
import { parsePersonas, Persona, simulateCohort, type Persona as PersonaType } from '../../runtime/simulator/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REFILL = 'examples/journeys/pharmacy-refill.journey.json';
const FALLBACK = 'examples/journeys/first-dose-check-in.journey.json';

export interface BenchResult {
  name: string;
  journey: string;
  patients: number;
  wallMs: number;
  patientsPerSecond: number;
  events: number;
  eventsPerSecond: number;
  /** Outcome counts, so a change in behaviour shows next to a change in speed. */
  note: string;
}

function load(path: string): JourneyDocument {
  const result = validateJourney(JSON.parse(readFileSync(join(root, path), 'utf8')));
  if (!result.ok) throw new Error(`${path} is not valid: ${result.problems.map((p) => p.message).join('; ')}`);
  return result.document;
}

/** The refill journey and its personas; the first-dose example with the same 60/20/20 mix when the refill journey is missing. */
function scenario(): { path: string; definition: JourneyDocument; personas: PersonaType[] } {
  if (existsSync(join(root, REFILL))) {
    const parsed = parsePersonas(JSON.parse(readFileSync(join(root, 'test/bench/refill-personas.json'), 'utf8')));
    if (!parsed.ok) throw new Error(`refill-personas.json: ${parsed.errors.join('; ')}`);
    return { path: REFILL, definition: load(REFILL), personas: parsed.personas };
  }
  const personas = [
    Persona.parse({ id: 'yes', weight: 60, replies: [{ text: '1', after: 'PT3H' }] }),
    Persona.parse({ id: 'no', weight: 20, replies: [{ text: '2', after: 'PT5H' }] }),
    Persona.parse({ id: 'silent', weight: 20 }),
  ];
  return { path: FALLBACK, definition: load(FALLBACK), personas };
}

export function benchSimulateCohort(patients = 10_000, seed: number | string = 1): BenchResult {
  const { path, definition, personas } = scenario();
  const options = { seed, start: Date.parse('2025-01-06T14:00:00Z'), keepPaths: false };
  // Warm the JIT and the caches first, so the figure is the steady state a designer or CI run sees.
  simulateCohort(definition, personas, { ...options, patients: Math.min(1000, patients) });
  const began = performance.now();
  const { summary } = simulateCohort(definition, personas, { ...options, patients });
  const wallMs = performance.now() - began;
  const statuses = Object.entries(summary.byStatus)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return {
    name: 'simulate cohort',
    journey: path.split('/').pop()!.replace('.journey.json', ''),
    patients,
    wallMs,
    patientsPerSecond: (patients * 1000) / wallMs,
    events: summary.events,
    eventsPerSecond: (summary.events * 1000) / wallMs,
    note: statuses,
  };
}
