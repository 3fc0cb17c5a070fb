import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { validateJourney } from '../../schema/validate.js';
import { parsePersonas, simulateCohort } from '../../runtime/simulator/index.js';

const dir = new URL('./', import.meta.url);
const journeys = readdirSync(dir).filter((f) => f.endsWith('.journey.json'));
const personas = parsePersonas(
  JSON.parse(readFileSync(new URL('../personas/engaged-and-silent.json', import.meta.url), 'utf8')),
);
if (!personas.ok) throw new Error(personas.errors.join('\n'));

describe('every example journey runs for a cohort, fast-forwarded', () => {
  for (const file of journeys) {
    it(`${file}: 200 patients over two years all end, each on a path through real steps`, () => {
      const journey = validateJourney(JSON.parse(readFileSync(new URL(file, dir), 'utf8'))).document!;
      const { summary, results } = simulateCohort(journey, personas.personas, {
        patients: 200,
        seed: 42,
        start: Date.parse('2026-01-05T15:00:00Z'),
        horizon: 'P2Y',
      });
      expect(summary.patients).toBe(200);
      // Nobody is left hanging after two years: every program here ends well within that.
      expect(results.filter((r) => r.status === 'running')).toEqual([]);
      for (const result of results) for (const entry of result.path) expect(journey.steps[entry.step]).toBeDefined();
      // Engaged and silent patients take different routes through every example.
      const byPersona = (id: string) =>
        new Set(
          results.filter((r) => r.personaId === id).map((r) => r.path.map((p) => `${p.step}:${p.output}`).join('>')),
        );
      expect([...byPersona('engaged')].some((path) => !byPersona('silent').has(path))).toBe(true);
    });
  }
});
