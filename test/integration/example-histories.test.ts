/**
 * Every example journey on the time-skipping server, one synthetic patient per branch: each must end where its
 * scenario says. With CAREPATH_RECORD_HISTORIES set, their histories are written for the replay test.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { JourneyDocument } from '../../schema/document.js';
import { validateJourney } from '../../schema/validate.js';
import { patients } from '../../runtime/db/schema.js';
import type { EnrollmentState, Phase } from '../../runtime/engine/index.js';
import {
  enrollmentState,
  recordTaskOutcome,
  requestExit,
  signalEvent,
  startEnrollment,
} from '../../runtime/temporal/client.js';
import { reportDeliveryFailure, submitReply } from '../../runtime/temporal/reply-client.js';
import { assessmentResponseSignal, attributesSignal, taskOutcomeSignal } from '../../runtime/temporal/workflows.js';
import { readFormAnswers } from '../../runtime/forms/answers.js';
import { daytimeZone } from '../support/daytime-zone.js';
import { createTimeSkippingEnv } from '../support/temporal.js';
import { startHarness, type Harness } from './harness.js';
import { historyScenarios, type HistoryScenario, type ScenarioAction } from './history-scenarios.js';
import { recordRuns } from './histories.js';
import { seedEnrollment, seedJourney, seedPatient } from './seed.js';

let harness: Harness;
let env: TestWorkflowEnvironment;
let patientsEnrolled = 0;

beforeAll(async () => {
  harness = await startHarness('carepath-example-histories', () => createTimeSkippingEnv());
  env = harness.env;
}, 300_000);

afterAll(() => harness?.stop(), 60_000);

function exampleJourney(name: string): JourneyDocument {
  const file = new URL(`../../examples/journeys/${name}.journey.json`, import.meta.url);
  return validateJourney(JSON.parse(readFileSync(file, 'utf8'))).document!;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
const hour = 3_600_000;

interface Run {
  workflowId: string;
  runId: string;
  definition: JourneyDocument;
}

async function stateOf(run: Run): Promise<EnrollmentState> {
  const state = await enrollmentState(env.client, run.workflowId);
  if (!state) throw new Error(`${run.workflowId} is not known to Temporal`);
  return state;
}

/** The moment a pausing phase ends by itself: a wait or deferral's end, a reply's, event's or task's deadline. */
function phaseEnds(phase: Phase): number | undefined {
  if (phase.kind === 'waiting' || phase.kind === 'deferred') return phase.until;
  return 'deadline' in phase ? phase.deadline : undefined;
}

/** Skips server time to just past `at`, or lets the workflow catch up when that moment has already passed. */
async function skipTo(at: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (at >= now) await env.sleep(at - now + 1_000);
  else await pause();
}

/** Whether the enrollment, in `phase`, is where `action` can happen. */
function isReadyFor(action: ScenarioAction, phase: Phase): boolean {
  if ('reply' in action) return phase.kind === 'awaiting-reply' || (phase.kind === 'assessing' && !!phase.question);
  if ('task' in action || 'taskSignal' in action) return phase.kind === 'awaiting-task';
  if ('event' in action) return phase.kind === 'awaiting-event';
  if ('form' in action) return phase.kind === 'assessing';
  if ('undelivered' in action) return phase.kind === 'awaiting-reply';
  if ('attributes' in action) return phaseEnds(phase) !== undefined;
  if ('silent' in action)
    return phaseEnds(phase) !== undefined && phase.kind !== 'waiting' && phase.kind !== 'deferred';
  return true;
}

/** Lets time run through waits and quiet-hours deferrals until the enrollment is ready for `action`. */
async function readyFor(run: Run, action: ScenarioAction): Promise<EnrollmentState> {
  for (let polls = 0; polls < 600; polls++) {
    const state = await stateOf(run);
    const { phase } = state;
    if (state.status !== 'running' || isReadyFor(action, phase)) return state;
    const ends = phaseEnds(phase);
    if (ends !== undefined && (phase.kind === 'waiting' || phase.kind === 'deferred')) await skipTo(ends);
    else await pause();
  }
  throw new Error(`${run.workflowId} never became ready for ${JSON.stringify(action)}`);
}

/** Where the enrollment first pauses with nothing in flight (the moment attributes could change). */
const firstPause = (run: Run) => readyFor(run, { attributes: {} });

const where = (state: EnrollmentState) => JSON.stringify([state.status, state.phase, state.path.length]);

/** Waits until the enrollment moved on from `before`, so the next action sees where the last one led. */
async function movedOn(run: Run, before: EnrollmentState): Promise<void> {
  for (let polls = 0; polls < 300; polls++) {
    if (where(await stateOf(run)) !== where(before)) return;
    await pause();
  }
  throw new Error(`${run.workflowId} did not move on from ${where(before)}`);
}

/** The web form's answers for each question's option by position, read as the form route reads a submission. */
function formAnswers(definition: JourneyDocument, step: string, positions: number[]) {
  const assessment = definition.steps[step];
  if (assessment?.type !== 'assessment') throw new Error(`${step} is not an assessment`);
  const read = readFormAnswers(
    assessment.questionnaire,
    Object.fromEntries(positions.map((position, question) => [`q${question}`, String(position)])),
  );
  if (!read.ok) throw new Error(`form answers refused: ${JSON.stringify(read.errors)}`);
  return read.answers;
}

async function act(run: Run, action: ScenarioAction): Promise<void> {
  const before = await readyFor(run, action);
  if (before.status !== 'running')
    throw new Error(`${run.workflowId} ended (${before.status}) before ${JSON.stringify(action)}`);
  const { phase } = before;
  const handle = env.client.workflow.getHandle(run.workflowId);
  const at = 'step' in phase ? { step: phase.step, visit: phase.visit } : undefined;
  if ('reply' in action) {
    const answer = await submitReply(env.client, run.workflowId, { text: action.reply, messageId: 'msg_synthetic' });
    if (!answer.accepted) throw new Error(`reply "${action.reply}" refused: ${answer.reason}`);
    // A reply in no class is answered and the journey keeps waiting: nothing moves.
    if (!answer.applied || answer.notUnderstood) return;
  } else if ('task' in action && at) {
    await recordTaskOutcome(env.client, run.workflowId, { ...at, outcome: action.task });
  } else if ('taskSignal' in action && at) {
    await handle.signal(taskOutcomeSignal, { ...at, outcome: action.taskSignal });
  } else if ('form' in action && at) {
    await handle.signal(assessmentResponseSignal, {
      ...at,
      answers: formAnswers(run.definition, at.step, action.form),
    });
  } else if ('undelivered' in action && at) {
    await reportDeliveryFailure(env.client, run.workflowId, { ...at, error: 'undeliverable (30003)' });
  } else if ('attributes' in action) {
    await handle.signal(attributesSignal, action.attributes);
    // Attributes change no phase: the next query sees them once applied.
    for (let polls = 0; polls < 300; polls++) {
      const now = await stateOf(run);
      if (Object.entries(action.attributes).every(([k, v]) => now.attributes[k] === v)) return;
      await pause();
    }
    throw new Error(`${run.workflowId} never took the attributes ${JSON.stringify(action.attributes)}`);
  } else if ('event' in action) {
    await signalEvent(env.client, run.workflowId, { name: action.event });
  } else if ('exit' in action) {
    await requestExit(env.client, run.workflowId, action.exit);
  } else {
    await skipTo(phaseEnds(phase)!);
  }
  await movedOn(run, before);
}

async function enroll(scenario: HistoryScenario): Promise<Run> {
  const { database } = harness;
  const now = DateTime.fromMillis(await env.currentTimeMs());
  // Server time runs ahead of the wall clock as earlier scenarios skip months: zones follow the server's clock.
  const timeZone = daytimeZone(new Date(now.toMillis() + (scenario.enrolledAtNight ? 12 * hour : 0)));
  const attributes = scenario.attributes?.(now.setZone(timeZone)) ?? {};
  const definition = exampleJourney(scenario.journey);
  const journey = await seedJourney(database.db, definition);
  patientsEnrolled += 1;
  const patientId = await seedPatient(database.db, {
    name: `Synthetic Patient ${patientsEnrolled}`,
    phone: `+1555019${String(patientsEnrolled).padStart(4, '0')}`,
    email: `patient-${patientsEnrolled}@example.test`,
    attributes,
  });
  // The send activity checks quiet hours in the patient's stored zone: the same one the engine plans with.
  await database.db.update(patients).set({ timeZone }).where(eq(patients.id, patientId));
  const input = await seedEnrollment(database.db, journey, patientId);
  const { runId } = await startEnrollment(env.client, harness.taskQueue, {
    ...input,
    attributes,
    timeZone,
    ...(scenario.historyLimit ? { historyLimit: scenario.historyLimit } : {}),
  });
  return { workflowId: input.workflowId, runId, definition };
}

describe('example journeys, one patient per branch', () => {
  it.each(historyScenarios.map((scenario) => [scenario.name, scenario] as const))(
    '%s',
    async (name, scenario) => {
      const run = await enroll(scenario);
      if (scenario.enrolledAtNight) {
        // It is past midnight where the patient lives: the first message waits for quiet hours to end.
        const first = await firstPause(run);
        expect(first.phase).toMatchObject({ kind: 'deferred', why: 'quiet-hours' });
      }
      for (const action of scenario.actions) await act(run, action);
      const final: EnrollmentState = await env.client.workflow.getHandle(run.workflowId).result();
      expect(final.status).toBe(scenario.ends.status);
      expect(final.status === 'exited' ? final.reason : final.path.at(-1)?.step).toBe(scenario.ends.at);
      await recordRuns(name, env.client, run.workflowId, run.runId);
    },
    240_000,
  );
});
