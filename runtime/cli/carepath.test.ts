/** The `carepath` command as a user runs it: a real process on the example journey and on broken documents. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { carepath, example, root, scratchDir } from './run-cli.test-support.js';

const scratch = scratchDir('carepath-cli-');

/** Writes the example journey, changed by `edit`, to the scratch directory. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary paths of the raw JSON
function brokenExample(name: string, edit: (journey: any) => void): string {
  const journey = JSON.parse(readFileSync(join(root, example), 'utf8'));
  edit(journey);
  const file = join(scratch, name);
  writeFileSync(file, JSON.stringify(journey, null, 2));
  return file;
}

describe('carepath validate', () => {
  it('accepts the example journey and prints its content hash', () => {
    const { code, stdout } = carepath('validate', example);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^valid: ${example} \\(jcs-sha256:[0-9a-f]{64}\\)`));
  });

  it('reports a dangling output with its pointer and step id, and exits 1', () => {
    const file = brokenExample('dangling.json', (j) => (j.steps['wait-two-days'].outputs.next = 'nowhere'));
    const { code, stderr } = carepath('validate', file);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}#/steps/wait-two-days/outputs/next [wait-two-days] graph.dangling-output: `);
  });

  it('reports every problem on its own line', () => {
    const file = brokenExample('two-problems.json', (j) => {
      j.steps.welcome.type = 'fax';
      j.steps['wait-two-days'].outputs.next = 'nowhere';
    });
    const { code, stderr } = carepath('validate', file);
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines.some((line) => line.startsWith(`${file}#/steps/welcome/type [welcome] structure.`))).toBe(true);
    expect(lines.every((line) => line.startsWith(`${file}#`))).toBe(true);
  });

  it('reports text that is not JSON at the document root, and exits 1', () => {
    const file = join(scratch, 'truncated.json');
    writeFileSync(file, '{"schemaVersion": 1,');
    const { code, stderr } = carepath('validate', file);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}# structure\\.parse: The document is not valid JSON`),
    );
  });

  it('exits 2 for a file it cannot read', () => {
    const { code, stderr } = carepath('validate', join(scratch, 'missing.json'));
    expect(code).toBe(2);
    expect(stderr).toContain('cannot read');
  });
});

describe('carepath hash, schema, usage', () => {
  it('hash prints the same hash validate reports, and ignores layout', () => {
    const hash = carepath('hash', example).stdout.trim();
    expect(hash).toMatch(/^jcs-sha256:[0-9a-f]{64}$/);
    expect(carepath('validate', example).stdout).toContain(hash);
    const moved = brokenExample('moved.json', (j) => (j.layout = { steps: { welcome: { x: 999, y: 1 } } }));
    expect(carepath('hash', moved)).toMatchObject({ code: 0, stdout: `${hash}\n` });
  });

  it('hash refuses an invalid document with its problems', () => {
    const file = brokenExample('dangling-for-hash.json', (j) => (j.steps['wait-two-days'].outputs.next = 'nowhere'));
    const { code, stdout, stderr } = carepath('hash', file);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('[wait-two-days] graph.dangling-output');
  });

  it('schema prints a JSON Schema', () => {
    const { code, stdout } = carepath('schema');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty('$schema');
  });

  it('--help prints usage and exits 0; a wrong command exits 2', () => {
    expect(carepath('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('usage: carepath') });
    expect(carepath('frobnicate')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown command "frobnicate"'),
    });
    expect(carepath('validate')).toMatchObject({ code: 2 });
    expect(carepath()).toMatchObject({ code: 2 });
  });
});
