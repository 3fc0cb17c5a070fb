/** What the enrollment workflow bundle holds, module by module, which modules a workflow evaluates before it runs, and its source map. For tests. */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { Compilation, Compiler, Module } from 'webpack';
import { failureConverterPath } from './data-converter.js';
import { TemporalPinoLogger } from './runtime-log.js';
import { sharedLibraries, workflowBundleWebpackConfig, workflowsPath } from './workflow-bundle.js';

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
  /**
   * Evaluated once per worker and shared by every workflow: preloaded (shared-libraries.ts) or loaded by the SDK
   * before any workflow. The rest of the eager modules are evaluated again by each cached workflow.
   */
  shared: boolean;
}

/** The part of the bundle's inline source map that workflow stack traces are mapped through, and the sources' text if any. */
export interface BundledSourceMap {
  sources: string[];
  mappings: string;
  sourcesContent?: (string | null)[];
}

export interface WorkflowBundleContents {
  modules: BundledModule[];
  sourceMap: BundledSourceMap;
  /** The whole file webpack writes, inline source map included. */
  bytes: number;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Modules reachable from `roots` through static dependencies only. `import()` is not followed, neither as an async
 * block nor in webpack's eager mode (same chunk, but the module runs only when the import is reached).
 */
function staticallyReachable(compilation: Compilation, roots: Module[]): Set<Module> {
  const { moduleGraph } = compilation;
  const seen = new Set<Module>();
  const stack = [...roots];
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

function entryModules(compilation: Compilation): Module[] {
  const entries = [...compilation.entries.values()].flatMap((entry) => entry.dependencies);
  return entries.map((dependency) => compilation.moduleGraph.getModule(dependency)).filter((m) => m !== null);
}

/** Where the shared modules start: the preloaded ones, and what the SDK's entrypoint loads before any workflow. */
function sharedRoots(compilation: Compilation): Module[] {
  const roots = new Set(sharedLibraries);
  return [...compilation.modules].filter((module) => {
    const resource = (module as Module & { resource?: string }).resource ?? '';
    return roots.has(resource) || /@temporalio\/workflow\/lib\/(worker-interface|global-overrides)\.js$/.test(resource);
  });
}

/** The source map the SDK's worker reads from the end of a bundle (it refuses a bundle without one). */
function inlineSourceMap(code: string): BundledSourceMap {
  const comment = code.lastIndexOf('//# sourceMappingURL=data:application/json;');
  const base64 = code.indexOf('base64,', comment) + 'base64,'.length;
  if (comment < 0 || base64 < comment) throw new Error('the workflow bundle has no inline source map');
  return JSON.parse(Buffer.from(code.slice(base64).trimEnd(), 'base64').toString()) as BundledSourceMap;
}

/** Bundles the enrollment workflow as the worker does: its modules, largest first, and its source map. */
export async function workflowBundleContents(): Promise<WorkflowBundleContents> {
  const modules: BundledModule[] = [];
  const record = (compilation: Compilation) => {
    const eager = staticallyReachable(compilation, entryModules(compilation));
    const shared = staticallyReachable(compilation, sharedRoots(compilation));
    for (const module of compilation.modules) {
      const resource = (module as Module & { resource?: string }).resource;
      if (!resource) continue;
      const path = resource.replace(root, '');
      modules.push({ path, bytes: module.size(), eager: eager.has(module), shared: shared.has(module) });
    }
  };
  const { code } = await bundleWorkflowCode({
    workflowsPath,
    failureConverterPath,
    preloadModules: sharedLibraries,
    logger: new TemporalPinoLogger(),
    webpackConfigHook: (sdkConfig) => {
      const config = workflowBundleWebpackConfig(sdkConfig);
      return {
        ...config,
        plugins: [
          ...(config.plugins ?? []),
          { apply: (compiler: Compiler) => compiler.hooks.afterCompile.tap('carepath-bundle-contents', record) },
        ],
      };
    },
  });
  return {
    modules: modules.sort((a, b) => b.bytes - a.bytes),
    sourceMap: inlineSourceMap(code),
    bytes: Buffer.byteLength(code),
  };
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
