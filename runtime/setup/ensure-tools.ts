/**
 * Installs or locates the external tools a command needs, in parallel, and prints them as environment
 * variables (JSON on stdout) for bootstrap.mjs to hand to the server or to vitest, so that workers never
 * race to install: `node --import tsx runtime/setup/ensure-tools.ts temporal-cli temporal-test-server chromium`.
 */
import { chromiumPath } from './chromium.js';
import { temporalCli, temporalTestServer } from './temporal-binaries.js';

const tools: Record<string, { env: string; find: () => Promise<string | undefined> }> = {
  'temporal-cli': { env: 'TEMPORAL_CLI', find: temporalCli },
  'temporal-test-server': { env: 'TEMPORAL_TEST_SERVER', find: temporalTestServer },
  chromium: { env: 'CHROMIUM_PATH', find: chromiumPath },
};

const names = process.argv.slice(2);
const unknown = names.filter((name) => !(name in tools));
if (unknown.length > 0 || names.length === 0) {
  process.stderr.write(`usage: ensure-tools.ts <${Object.keys(tools).join('|')}>...\n`);
  process.exit(2);
}

const results = await Promise.allSettled(names.map((name) => tools[name].find()));
const env: Record<string, string> = {};
let failed = false;
results.forEach((result, index) => {
  const tool = tools[names[index]];
  if (result.status === 'fulfilled') {
    // An unfound Temporal binary is not fatal: the SDK downloads its own (see temporal-binaries.ts).
    if (result.value) env[tool.env] = result.value;
  } else {
    failed = true;
    process.stderr.write(`carepath: ${(result.reason as Error).message}\n`);
  }
});
process.stdout.write(JSON.stringify(env) + '\n');
process.exit(failed ? 1 : 0);
