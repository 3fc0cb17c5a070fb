/** Run by `bundleInChildProcess` in a process of its own: bundles the enrollment workflow and writes it to the file named first. */
import { writeFileSync } from 'node:fs';
import { enrollmentWorkflowBundle } from './workflow-bundle.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: build-workflow-bundle <output file>');
writeFileSync(file, (await enrollmentWorkflowBundle()).code);
