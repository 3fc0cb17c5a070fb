/** `carepath simulate` as a user runs it: a real process on the example journey, with and without personas, and its errors. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carepath, example, root, scratchDir } from './run-cli.test-support.js';

const scratch = scratchDir('carepath-simulate-');

function write(name: string, value: unknown): string {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const personas = write('personas.json', {
  personas: [
    {
      id: 'yes',
      weight: 7,
      timeZone: 'America/Chicago',
      replies: [{ step: 'ask-first-dose', text: '1', after: 'PT2H' }],
    },
    { id: 'silent', weight: 3 },
  ],
});

describe('carepath simulate', () => {
  it('prints patients by status, a step table and edge counts, and writes the paths', () => {
    const out = join(scratch, 'paths.json');
    const { code, stdout, stderr } = carepath(
      'simulate',
      example,
      '--personas',
      personas,
      '--patients',
      '100',
      '--seed',
      '7',
      '--out',
      out,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('First-dose check-in: 100 patients, seed 7');
    expect(stdout).toMatch(/completed\s+100\s+100\.0%/);
    expect(stdout).toMatch(/^step\s+type\s+entered\s+of patients$/m);
    expect(stdout).toMatch(/^end-well\s+end\s+70\s+70\.0%$/m);
    expect(stdout).toMatch(/^ask-first-dose:timeout\s+end-no-reply\s+30$/m);
    expect(stdout).toMatch(/wall time \d+ ms/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report).toMatchObject({
      journey: 'First-dose check-in',
      seed: 7,
      patients: 100,
      start: '2025-01-06T14:00:00.000Z',
    });
    expect(report.contentHash).toMatch(/^jcs-sha256:[0-9a-f]{64}$/);
    expect(report.results).toHaveLength(100);
    expect(report.results[0].path[0]).toMatchObject({ step: 'welcome', enteredLocal: '2025-01-06 08:00 CST' });
  });

  it('gives the same output for the same seed, wall time aside', () => {
    const args = [
      'simulate',
      example,
      '--personas',
      personas,
      '--patients',
      '50',
      '--seed',
      'abc',
      '--start',
      '2025-06-02T13:00:00Z',
    ];
    const strip = (text: string) => text.replace(/wall time.*/, '');
    expect(strip(carepath(...args).stdout)).toBe(strip(carepath(...args).stdout));
  });

  it('runs with the silent default persona when no personas file is given', () => {
    const { code, stdout } = carepath('simulate', example, '--patients', '3');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ask-first-dose:timeout\s+end-no-reply\s+3$/m);
  });

  it('validates the journey first and exits 1 with its problems', () => {
    const journey = JSON.parse(readFileSync(join(root, example), 'utf8'));
    journey.steps['wait-two-days'].outputs.next = 'nowhere';
    const file = write('dangling.json', journey);
    const { code, stdout, stderr } = carepath('simulate', file);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}#/steps/wait-two-days/outputs/next [wait-two-days] graph.dangling-output: `);
    expect(stdout).toBe('');
  });

  it('exits 1 with every problem of a bad personas file, each with its path', () => {
    const bad = write('bad-personas.json', {
      personas: [{ id: 'x', replies: [{ text: '1', after: 'soon' }], timeZone: 'Nowhere/Else' }],
    });
    const { code, stderr } = carepath('simulate', example, '--personas', bad);
    expect(code).toBe(1);
    expect(stderr).toContain(`${bad}#/personas/0/timeZone personas.invalid: must be an IANA time zone`);
    expect(stderr).toContain(`${bad}#/personas/0/replies/0`);
    expect(carepath('simulate', example, '--personas', write('not-json.json', '{')).stderr).toContain('personas.parse');
  });

  // Six CLI processes, each starting tsx: generous on a loaded two-core machine.
  it('exits 2 for bad options and unreadable files', { timeout: 120_000 }, () => {
    expect(carepath('simulate', example, '--patients', 'many').code).toBe(2);
    expect(carepath('simulate', example, '--start', 'yesterday').code).toBe(2);
    expect(carepath('simulate', example, '--horizon', '2 years').code).toBe(2);
    expect(carepath('simulate', example, '--frobnicate').code).toBe(2);
    expect(carepath('simulate').code).toBe(2);
    expect(carepath('simulate', example, '--personas', join(scratch, 'missing.json')).stderr).toContain('cannot read');
  });

  it('is in the help', () => {
    expect(carepath('--help').stdout).toContain('simulate <file> [options]');
    expect(carepath('simulate', '--help')).toMatchObject({ code: 0 });
  });
});
