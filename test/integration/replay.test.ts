/**
 * Replays the checked-in enrollment histories with today's workflow code, and holds the rule of
 * runtime/temporal/INTERPRETER-CHANGES.md: every example journey has histories, they exercise every way an
 * enrollment moves, and all of them replay. An interpreter change that would break running enrollments fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { enrollmentWorkflowBundle } from '../../runtime/temporal/workflow-bundle.js';
import { replyUpdate } from '../../runtime/temporal/reply-update.js';
import { taskOutcomeUpdate } from '../../runtime/temporal/task-update.js';
import { checkedInHistories } from './histories.js';
import { historyCoverage, type HistoryCoverage } from './history-coverage.js';
import { testDataConverter } from '../support/payload-keys.js';

const journeysDir = new URL('../../examples/journeys/', import.meta.url);
const exampleJourneys = readdirSync(journeysDir)
  .filter((file) => file.endsWith('.journey.json'))
  .map((file) => (JSON.parse(readFileSync(new URL(file, journeysDir), 'utf8')) as { name: string }).name);

/** Every signal and Update defined for the enrollment workflow, read from the sources so a new module counts too. */
const temporalDir = new URL('../../runtime/temporal/', import.meta.url);
const handlers = readdirSync(temporalDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .flatMap((file) => [
    ...readFileSync(new URL(file, temporalDir), 'utf8').matchAll(/define(Signal|Update)\s*(?:<[^(]*>)?\(\s*'([^']+)'/g),
  ])
  .map(([, kind, name]) => ({ type: kind === 'Signal' ? ('signal' as const) : ('update' as const), name }));

const histories = checkedInHistories();
let coverage: HistoryCoverage[];

beforeAll(async () => {
  coverage = await Promise.all(histories.map(({ workflowId, history }) => historyCoverage(workflowId, history)));
});

const covering = (what: (c: HistoryCoverage) => boolean) => coverage.filter(what).map((c) => c.workflowId);

describe('checked-in histories', () => {
  it.each(exampleJourneys)('include enrollments in the example journey "%s"', (journey) => {
    expect(
      covering((c) => c.journey === journey),
      `record one with test/integration/history-scenarios.ts`,
    ).not.toEqual([]);
  });

  it('include replies and task outcomes by Update, an assessment, a quiet-hours deferral and continue-as-new', () => {
    expect(covering((c) => c.updates.has(replyUpdate.name))).not.toEqual([]);
    expect(covering((c) => c.updates.has(taskOutcomeUpdate.name))).not.toEqual([]);
    expect(covering((c) => c.assessmentRecorded)).not.toEqual([]);
    expect(covering((c) => c.startedInQuietHours)).not.toEqual([]);
    expect(covering((c) => c.continuedAsNew)).not.toEqual([]);
  });

  it('include a continued run that loaded its definition by version, and the hand-over that led to it', () => {
    const loaded = covering((c) => c.loadedByReference);
    expect(loaded, 'record the continue-as-new scenarios of test/integration/history-scenarios.ts').not.toEqual([]);
  });

  it('include every signal and Update the workflow handles, old ones kept for replay too', () => {
    expect(handlers.map(({ name }) => name)).toEqual(expect.arrayContaining([replyUpdate.name, 'exit']));
    const unguarded = handlers
      .filter(({ type, name }) => covering((c) => (type === 'signal' ? c.signals : c.updates).has(name)).length === 0)
      .map(({ type, name }) => `${type} ${name}`);
    expect(unguarded, 'add a scenario that uses it to test/integration/history-scenarios.ts').toEqual([]);
  });
});

describe('enrollment workflow replay', () => {
  it('replays every checked-in history without nondeterminism', async () => {
    expect(histories.length).toBeGreaterThan(0);
    const bundle = await enrollmentWorkflowBundle();
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      // Histories recorded before encryption are plain and pass through the codec; newer ones carry the test key.
      { workflowBundle: bundle, dataConverter: testDataConverter },
      histories,
    )) {
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    // Every history that no longer replays, named at once; see runtime/temporal/INTERPRETER-CHANGES.md for the fix.
    expect(failures).toEqual([]);
  }, 180_000);
});
