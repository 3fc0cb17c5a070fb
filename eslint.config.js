/** Lint configuration: typescript-eslint's recommended rules plus the architecture fences that keep the layers apart. */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/** Every Node built-in, bare and with the `node:` prefix. */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const importsOf = (names, why) => names.map((name) => ({ name, message: why }));

/** Packages that do I/O or tie code to one host: the pure layers (schema, engine, simulator) run in the browser and the workflow sandbox too. */
const hostPackages = {
  group: [
    'react',
    'react-dom',
    'react-dom/*',
    'hono',
    'hono/*',
    '@hono/*',
    'drizzle-orm',
    'drizzle-orm/*',
    '@libsql/*',
    '@temporalio/*',
    'pino',
    'nodemailer',
    '@xyflow/*',
    'monaco-editor',
    '@monaco-editor/*',
  ],
  message:
    'schema/ and runtime/engine/ are pure: no UI, HTTP, database, Temporal or logging packages (they run in the browser and in the workflow sandbox).',
};

/** Runtime services the pure layers and the designer must never reach into (relative imports). */
const runtimeServices = (message) => ({
  group: [
    '**/runtime/api/**',
    '**/runtime/db/**',
    '**/runtime/temporal/**',
    '**/runtime/journeys/**',
    '**/runtime/patients/**',
    '**/runtime/enrollments/**',
    '**/runtime/people/**',
    '**/runtime/forms/**',
    '**/runtime/setup/**',
    '**/runtime/cli/**',
    '**/connectors/**',
    '**/runtime/server*',
    '**/runtime/main*',
    '**/runtime/carepath*',
    '**/runtime/config*',
    '**/runtime/log*',
  ],
  message,
});

const pureLayerFence = {
  'no-restricted-imports': [
    'error',
    {
      paths: importsOf(
        nodeBuiltins,
        'schema/ and runtime/engine/ have no I/O: Node built-ins are not available in the browser or the workflow sandbox.',
      ),
      patterns: [
        hostPackages,
        runtimeServices('schema/ and runtime/engine/ never import runtime services or connectors.'),
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'data/',
      '.tools/',
      'coverage/',
      'storybook-static/',
      'runtime/db/migrations/',
      'test/integration/histories/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      // TypeScript already reports undefined names, with types.
      'no-undef': 'off',
    },
  },
  {
    files: ['designer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  // The pure layers: the journey language, the interpreter and the simulator.
  {
    files: ['schema/**/*.ts', 'runtime/engine/**/*.ts', 'runtime/simulator/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: pureLayerFence,
  },
  // Workflow code runs in Temporal's deterministic sandbox: only @temporalio/workflow, the engine, the
  // schema and type-only imports of activities.
  {
    files: ['runtime/temporal/workflows.ts', 'runtime/temporal/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: importsOf(
            nodeBuiltins,
            'Workflow code is deterministic and sandboxed: Node built-ins belong in activities.',
          ),
          patterns: [
            {
              group: ['@temporalio/*', '!@temporalio/workflow', '!@temporalio/common'],
              message: 'Workflow code may import only @temporalio/workflow (and @temporalio/common types).',
            },
            {
              group: [
                'react',
                'react-dom',
                'hono',
                'hono/*',
                '@hono/*',
                'drizzle-orm',
                'drizzle-orm/*',
                '@libsql/*',
                'pino',
                'nodemailer',
                'luxon',
              ],
              message: 'Workflow code reaches the world only through activities.',
            },
            {
              group: [
                './activities*',
                '../db/**',
                '../api/**',
                '../journeys/**',
                '../patients/**',
                '../enrollments/**',
                '../people/**',
                '../forms/**',
                '../../connectors/**',
                './client*',
                './worker*',
                './codec*',
              ],
              allowTypeImports: true,
              message:
                'Workflow code imports activities and services as types only (proxyActivities), never their code.',
            },
          ],
        },
      ],
    },
  },
  // The designer runs in the browser: the engine, the simulator and the schema, never runtime services.
  {
    files: ['designer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: importsOf(nodeBuiltins, 'The designer runs in the browser: no Node built-ins.'),
          patterns: [
            {
              ...runtimeServices(
                'The designer imports the engine, the simulator and the schema, never runtime services; it reaches the server through the typed API client.',
              ),
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  prettier,
);
