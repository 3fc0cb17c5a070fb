#!/usr/bin/env node
/** The `carepath` command (package.json "bin"): registers tsx so the TypeScript sources run as they are, then runs main.ts. */
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2));
