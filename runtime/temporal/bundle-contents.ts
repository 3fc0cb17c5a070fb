/** What the enrollment workflow bundle holds, module by module, and which modules a workflow evaluates before it runs. For tests and the benchmark. */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Compilation, Compiler, Module } from 'webpack';
import { failureConverterPath } from './data-converter.js';
import { TemporalPinoLogger } from './runtime-log.js';
import { sharedLibraries, workflowsPath } from './worker.js';

export interface BundledModule {
  /** The file, relative to the project (`node_modules/zod/…` for a package). */
  path: string;
  /** Source size in bytes, as webpack counts it. */
  bytes: number;
  /**
   * Evaluated by every workflow (reached from the entry by static imports), as opposed to reached only through a
   * dynamic `import()` that a workflow evaluates when it takes that path.
   */
  eager: boolean;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Modules reachable from the entry through static dependencies only. `import()` is not followed, neither as an async
 * block nor in webpack's eager mode (same chunk, but the module runs only when the import is reached).
 */
function eagerModules(compilation: Compilation): Set<Module> {
  const { moduleGraph } = compilation;
  const seen = new Set<Module>();
  const stack: Module[] = [];
  for (const entry of compilation.entries.values())
    for (const dependency of entry.dependencies) {
      const module = moduleGraph.getModule(dependency);
      if (module) stack.push(module);
    }
  while (stack.length > 0) {
    const module = stack.pop()!;
    if (seen.has(module)) continue;
    seen.add(module);
    for (const dependency of module.dependencies) {
      if (dependency.type === 'import() eager') continue;
      const target = moduleGraph.getModule(dependency);
      if (target && !seen.has(target)) stack.push(target);
    }
  }
  return seen;
}

/** Bundles the enrollment workflow as the worker does and lists its modules, largest first. */
export async function workflowBundleContents(): Promise<BundledModule[]> {
  const modules: BundledModule[] = [];
  const record = (compilation: Compilation) => {
    const eager = eagerModules(compilation);
    for (const module of compilation.modules) {
      const resource = (module as Module & { resource?: string }).resource;
      if (!resource) continue;
      modules.push({ path: resource.replace(root, ''), bytes: module.size(), eager: eager.has(module) });
    }
  };
  await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath,
    preloadModules: sharedLibraries,
    logger: new TemporalPinoLogger(),
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        { apply: (compiler: Compiler) => compiler.hooks.afterCompile.tap('carepath-bundle-contents', record) },
      ],
    }),
  });
  return modules.sort((a, b) => b.bytes - a.bytes);
}

/** The package a bundled file belongs to (`zod`, `@marcbachmann/cel-js`), or its top two folders for project files. */
export function packageOf(path: string): string {
  const inPackages = path.split('node_modules/').at(-1)!;
  if (inPackages !== path)
    return inPackages
      .split('/')
      .slice(0, inPackages.startsWith('@') ? 2 : 1)
      .join('/');
  return path.split('/').slice(0, 2).join('/');
}
