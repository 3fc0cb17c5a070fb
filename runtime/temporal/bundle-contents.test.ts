/** The enrollment workflow's bundle: what every workflow evaluates stays lean (no zod, no Liquid, one copy of each library), its stack traces stay mapped. */
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowBundleContents, type BundledModule, type BundledSourceMap } from './bundle-contents.js';

describe('the enrollment workflow bundle', () => {
  let modules: BundledModule[];
  let sourceMap: BundledSourceMap;
  let bytes: number;
  beforeAll(async () => {
    ({ modules, sourceMap, bytes } = await workflowBundleContents());
  }, 120_000);

  it('evaluates no zod, Liquid or schema validator in a workflow started with a prepared definition', () => {
    const eager = modules.filter((m) => m.eager).map((m) => m.path);
    expect(eager.filter((path) => /node_modules\/(zod|liquidjs)\//.test(path))).toEqual([]);
    expect(eager.filter((path) => /^schema\/(document|validate|ids|templates\/|steps\/registry)/.test(path))).toEqual(
      [],
    );
    // The engine itself is there, and so is the expression language it evaluates.
    expect(eager).toContain('runtime/engine/engine.ts');
    expect(eager.some((path) => path.includes('node_modules/@marcbachmann/cel-js/'))).toBe(true);
  });

  it('keeps the zod parse for inputs from before preparation, loaded only when such a run reaches it', () => {
    const lazy = modules.filter((m) => !m.eager).map((m) => m.path);
    expect(lazy).toContain('runtime/engine/definition.ts');
    expect(lazy.some((path) => path.includes('node_modules/zod/'))).toBe(true);
  });

  it('evaluates the engine, CEL and luxon once per worker; each workflow evaluates only its own host code', () => {
    const shared = modules.filter((m) => m.shared).map((m) => m.path);
    expect(shared).toContain('runtime/engine/engine.ts');
    expect(shared).toContain('schema/expressions/check.ts');
    expect(shared.some((path) => path.includes('node_modules/luxon/'))).toBe(true);
    const perWorkflow = modules.filter((m) => m.eager && !m.shared).map((m) => m.path);
    expect(perWorkflow).toContain('runtime/temporal/workflows.ts');
    expect(perWorkflow.filter((path) => path.startsWith('runtime/engine/') || path.startsWith('schema/'))).toEqual([]);
  });

  it('holds one copy of luxon: the preloaded, shared one is the one the engine imports', () => {
    expect(modules.filter((m) => m.path.includes('node_modules/luxon/')).map((m) => m.path)).toHaveLength(1);
  });

  it('maps workflow stack traces to the project files without carrying their text in every worker', () => {
    // The worker maps each stack frame through `mappings` to a file of `sources`: the project's own TypeScript.
    expect(sourceMap.mappings.length).toBeGreaterThan(0);
    const projectFiles = modules.map((m) => m.path).filter((path) => path.endsWith('.ts'));
    expect(projectFiles).toContain('runtime/temporal/workflows.ts');
    const mapped = new Set(sourceMap.sources.map((source) => source.replace(/^.*?(?=(runtime|schema)\/)/, '')));
    expect(projectFiles.filter((path) => !mapped.has(path))).toEqual([]);
    // The sources' text (about half the bundle) is no longer held by every worker; the files are on disk.
    expect(sourceMap.sourcesContent ?? []).toEqual([]);
    expect(bytes).toBeLessThan(3_500_000);
  });
});
