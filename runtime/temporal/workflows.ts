/**
 * The enrollment workflow: one execution per enrolled patient, driving the pure engine with durable timers, send activities and signals.
 * Running enrollments replay this code: read ./INTERPRETER-CHANGES.md before changing it or the engine (patched(), histories).
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { applyEvent, initialState } from '../engine/index.js';
import type { JourneyDocument } from '../../schema/document.js';
import { continuedInput, definitionByReference, legacyDefinition } from './run-definition.js';
import type { EngineCommand, EngineEvent, EnrollmentState, Timer } from '../engine/index.js';
import type { createActivities } from './activities.js';
import { currentStepKey, passedEdgesKey, versionIdKey } from './search-attributes.js';
import { passedEdges } from '../live-counts/edges.js';
import { refusedByIntegrityCheck } from './integrity-gate.js';
import {
  deliveryFailedSignal,
  notUnderstoodText,
  type DeliveryFailure,
  replyRefusal,
  replyUpdate,
  type ReplyResult,
} from './reply-update.js';
import { taskOutcomeRefusal, taskOutcomeUpdate } from './task-update.js';
import { awaitedEvents, refuseIf, visitLeft } from './awaited-events.js';
import { failureMessage, sendRequest } from './send-request.js';
import { skipWaitRefusal, skipWaitUpdate, type SkipWaitResult } from './skip-wait.js';
import {
  enterMigratedStep,
  migrateRefusal,
  migrateUpdate,
  migratedInput,
  migrationOf,
  type MigrateRequest,
  type MigratedFrom,
} from './migrate-update.js';
import type {
  AssessmentResponseSignal,
  EnrollmentInput,
  EventSignal,
  ExitRequest,
  JourneyRecordInput,
  ReplySignal,
  TaskOutcomeSignal,
} from './types.js';

export type { EnrollmentInput, ExitRequest, ReplySignal } from './types.js';

/** Kept so histories written before replies became an Update still replay; new replies arrive through `replyUpdate`. */
export const replySignal = defineSignal<[ReplySignal]>('reply');
export { replyUpdate, deliveryFailedSignal } from './reply-update.js';
export { skipWaitUpdate } from './skip-wait.js';
export const exitSignal = defineSignal<[ExitRequest]>('exit');
export const stateQuery = defineQuery<EnrollmentState>('state');
export const eventSignal = defineSignal<[EventSignal]>('event');
export const taskOutcomeSignal = defineSignal<[TaskOutcomeSignal]>('taskOutcome');
export const assessmentResponseSignal = defineSignal<[AssessmentResponseSignal]>('assessmentResponse');
export const attributesSignal = defineSignal<[Record<string, unknown>]>('attributes');

type Activities = ReturnType<typeof createActivities>;

const { sendMessage } = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  // A provider outage is worth riding out for a while; after that the journey takes its `failed` output.
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    maximumAttempts: 10,
    nonRetryableErrorTypes: ['PermanentSendError'],
  },
});

const { recordEnrollmentEnd, recordJourneyCommand } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  // The end must be recorded; keep trying until the database answers.
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function enrollmentWorkflow(input: EnrollmentInput): Promise<EnrollmentState> {
  const { enrollmentId } = input;
  // Prepared before start (see startEnrollment) and trusted; only histories from before that migrate and parse here.
  // A continued run loads it by version once its handlers are registered (below), so Updates arriving meanwhile are taken.
  let definition: JourneyDocument | undefined = input.definitionByReference
    ? undefined
    : input.definitionPrepared
      ? input.definition
      : await legacyDefinition(input);
  const journey = (): JourneyDocument => {
    if (!definition) throw new Error('The journey definition was read before it was loaded.');
    return definition;
  };
  const { workflowId } = workflowInfo();
  let state: EnrollmentState = input.state ?? initialState(Date.now(), input.attributes, input.timeZone);
  const queue: EngineEvent[] = input.state
    ? [...(input.pendingEvents ?? [])]
    : [{ type: 'start' }, ...(input.pendingEvents ?? [])];
  const timers = new Map<string, CancellationScope>();
  let sendsInFlight = 0;

  setHandler(replySignal, ({ text }) => void queue.push({ type: 'reply', text }));
  setHandler(exitSignal, ({ reason }) => void queue.push({ type: 'exit', reason }));
  setHandler(stateQuery, () => state);
  setHandler(
    eventSignal,
    ({ name, payload }) => void queue.push({ type: 'event', name, ...(payload ? { payload } : {}) }),
  );
  setHandler(taskOutcomeSignal, (outcome) => void queue.push({ type: 'task-outcome', ...outcome }));
  setHandler(assessmentResponseSignal, (response) => void queue.push({ type: 'assessment-response', ...response }));
  setHandler(attributesSignal, (values) => void queue.push({ type: 'attributes', values }));

  // ── Task outcomes as a Workflow Update (the care team's task queue) ──
  // The `taskOutcome` signal above stays registered so histories that used it still replay. The validator
  // refuses an outcome the journey is not waiting for; the handler answers once the engine has applied it.
  const awaited = awaitedEvents(queue, () => state.status === 'running');
  let outcomesAwaitingDefinition = 0;
  setHandler(
    taskOutcomeUpdate,
    async (outcome) => {
      if (!definition) {
        // Arrived while a continued run loads its definition: the validator could not check the outcome's name.
        // A load that refuses (integrity error) ends the enrollment instead; the refusal below then says so.
        // Counted as in flight meanwhile, so no move to another version is admitted before it applies.
        outcomesAwaitingDefinition += 1;
        await condition(() => definition !== undefined || state.status !== 'running');
        outcomesAwaitingDefinition -= 1;
        refuseIf(taskOutcomeRefusal(definition, state, queue, outcome), 'TaskOutcomeRefused');
      }
      const applied = await awaited.apply({ type: 'task-outcome', ...outcome });
      refuseIf(
        applied ? undefined : `The journey no longer waited for task "${outcome.step}" when the outcome arrived.`,
        'TaskOutcomeRefused',
      );
      const left = visitLeft(state, outcome.step, outcome.visit);
      return {
        output: left?.output ?? outcome.outcome,
        step: state.phase.kind === 'done' ? null : state.phase.step,
        status: state.status,
      };
    },
    {
      validator: (outcome) => refuseIf(taskOutcomeRefusal(definition, state, queue, outcome), 'TaskOutcomeRefused'),
    },
  );
  // ── end of the task-outcome update ──

  // ── Replies as a Workflow Update (channels) ──
  // The `reply` signal above stays registered for replay. The validator refuses a reply the journey is not waiting
  // for; the handler answers once the engine has applied it: applied, or not understood with the text to send back.
  setHandler(
    replyUpdate,
    async ({ text }): Promise<ReplyResult> => {
      const before = state.phase;
      const step = 'step' in before ? before.step : '';
      const visit = 'visit' in before ? before.visit : 0;
      const applied = await awaited.apply({ type: 'reply', text });
      if (applied) {
        const left = visitLeft(state, step, visit);
        return { applied, step, ...(left?.output ? { output: left.output } : {}) };
      }
      return before.kind === 'awaiting-reply' && state.status === 'running'
        ? { applied, step, notUnderstood: notUnderstoodText(journey(), step) }
        : { applied, step };
    },
    {
      validator: (reply) => refuseIf(replyRefusal(state, queue, reply), 'ReplyRefused'),
    },
  );
  // A provider reported a message undelivered after it was accepted; only a step with a `failed` output acts on it.
  const deliveryFailed = ({ step, visit, error }: DeliveryFailure) => {
    if (journey().steps[step]?.outputs.failed) queue.push({ type: 'delivery', step, visit, outcome: 'failed', error });
  };
  const reportedBeforeLoad: DeliveryFailure[] = [];
  setHandler(
    deliveryFailedSignal,
    (report) => void (definition ? deliveryFailed(report) : reportedBeforeLoad.push(report)),
  );
  // ── end of replies and delivery reports ──

  // ── Moving to a later version of the journey (migrations) ──
  // The validator admits a move only at a safe point: paused in a step, nothing sent, applied or awaited in flight.
  // The handler records it; the main loop then continues as new on the new version before it handles anything else.
  let moving: { request: MigrateRequest; to: MigratedFrom } | undefined;
  setHandler(
    migrateUpdate,
    (request) => {
      const here = 'step' in state.phase ? state.phase.step : '';
      if (input.versionId === request.toVersionId)
        return { moved: false, fromStep: input.migratedFrom?.fromStep ?? here, toStep: here, kept: true };
      // Marks histories that moved, so a later change to how moves work can branch on it.
      patched('migration-update');
      moving = { request, to: migrationOf(state, request) };
      return { moved: true, fromStep: moving.to.fromStep, toStep: moving.to.toStep, kept: moving.to.kept };
    },
    {
      validator: (request) => {
        const busy = {
          versionId: input.versionId,
          queued: queue,
          sendsInFlight,
          updatesInFlight: awaited.size + outcomesAwaitingDefinition,
        };
        const refusal = moving ? 'A move to a new version is already under way.' : migrateRefusal(state, busy, request);
        refuseIf(refusal, 'MigrationRefused');
      },
    },
  );
  // ── end of migrations ──

  // ── Skip wait: a test enrollment's current wait ends now (the designer's test run) ──
  // The validator admits test enrollments only. The armed timer is cancelled and its event queued, so the engine takes
  // the output the wait would have taken, only sooner; the handler answers once the engine has applied it.
  setHandler(
    skipWaitUpdate,
    async (): Promise<SkipWaitResult> => {
      const { phase } = state;
      if (!('timerId' in phase))
        throw ApplicationFailure.nonRetryable('The journey is not waiting.', 'SkipWaitRefused');
      // Marks the histories where a wait was skipped, so a later change to skipping can branch on it.
      patched('skip-wait');
      timers.get(phase.timerId)?.cancel();
      await awaited.apply({ type: 'timer', id: phase.timerId });
      const left = visitLeft(state, phase.step, phase.visit);
      return {
        skipped: phase.step,
        ...(left?.output ? { output: left.output } : {}),
        step: state.phase.kind === 'done' ? null : state.phase.step,
        status: state.status,
      };
    },
    {
      validator: () => refuseIf(skipWaitRefusal(input.test, state, queue), 'SkipWaitRefused'),
    },
  );
  // ── end of skip wait ──

  function armTimer(timer: Timer): void {
    const scope = new CancellationScope();
    timers.set(timer.id, scope);
    scope
      .run(() => sleep(Math.max(1, timer.at - Date.now())))
      .then(
        () => void queue.push({ type: 'timer', id: timer.id }),
        (err) => {
          if (!isCancellation(err)) throw err;
        },
      )
      .finally(() => timers.delete(timer.id));
  }

  // Sends go out one after another, so a patient reads an assessment's intro before its first question.
  let sendChain: Promise<unknown> = Promise.resolve();

  function send(command: Extract<EngineCommand, { type: 'send' }>): void {
    const { step, visit } = command;
    sendsInFlight += 1;
    const request = sendRequest(command, { enrollmentId, workflowId }, journey());
    sendChain = sendChain
      .then(async () => {
        // A send still queued when the enrollment ended (an exit, STOP) is dropped, not delivered.
        if (state.status !== 'running') return;
        await sendMessage(request).then(
          () => queue.push({ type: 'delivery', step, visit, outcome: 'sent' }),
          (err: unknown) =>
            queue.push({ type: 'delivery', step, visit, outcome: 'failed', error: failureMessage(err) }),
        );
      })
      .finally(() => (sendsInFlight -= 1));
  }

  function publishStep(step: string): void {
    if (input.publishStep)
      upsertSearchAttributes([
        { key: versionIdKey, value: input.versionId },
        { key: currentStepKey, value: step },
        // Live counts per edge: in the same upsert, so no extra command per step.
        ...(input.publishPassed ? [{ key: passedEdgesKey, value: passedEdges(state.path) }] : []),
      ]);
  }

  // A new run after continue-as-new re-arms the timers the engine still wants.
  if (input.state) for (const timer of state.timers) armTimer(timer);
  // The first run on a new version publishes it, and enters the mapped step first unless the patient stayed mid-step.
  const entering: EngineEvent | undefined =
    input.migratedFrom?.kept === false && state.phase.kind === 'done' ? { type: 'start' } : undefined;
  if (input.migratedFrom) publishStep(input.migratedFrom.toStep);
  if (entering) queue.unshift(entering);

  // Hand over to a new run only between events and with no send outstanding, so nothing in flight is lost;
  // and only after this run handled an event, so a low limit can never make runs hand over in a loop.
  let handledThisRun = 0;
  const historyIsLong = () => {
    if (handledThisRun === 0) return false;
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested || (input.historyLimit !== undefined && info.historyLength >= input.historyLimit)
    );
  };

  // A continued run's definition, by version and checked against its approval again; nothing runs before it is here.
  if (!definition) {
    const loaded = await definitionByReference(input);
    if (!loaded.ok) return (state = { ...state, status: 'failed', reason: loaded.reason, endedAt: Date.now() });
    definition = loaded.definition;
    for (const report of reportedBeforeLoad.splice(0)) deliveryFailed(report);
  }

  // The approval is checked, not assumed: a version whose stored document changed since approval never runs.
  const refused = await refusedByIntegrityCheck(input, state);
  if (refused) return refused;

  while (state.status === 'running') {
    await condition(
      () =>
        queue.length > 0 || moving !== undefined || (sendsInFlight === 0 && historyIsLong() && allHandlersFinished()),
    );
    if (moving) {
      const { request, to } = moving;
      await continueAsNew<typeof enrollmentWorkflow>(migratedInput(input, state, queue, request, to, Date.now()));
    }
    if (queue.length === 0) {
      // A move to a new version is done once its first run entered the step: later runs only carry on.
      await continueAsNew<typeof enrollmentWorkflow>(continuedInput(input, state));
    }
    const event = queue.shift()!;
    handledThisRun += 1;
    const transition =
      event === entering
        ? enterMigratedStep(journey(), state, input.migratedFrom!, Date.now(), Math.random)
        : applyEvent(journey(), state, event, Date.now(), Math.random);
    awaited.settle(event, transition.applied); // the waiting Update handler's answer
    if (!transition.applied) {
      log.info('event ignored', { event: event.type, reason: transition.ignoredBecause });
      continue;
    }
    state = transition.state;
    // One upsert per event: the last step entered is where the enrollment now is.
    const entered = transition.commands.filter((c) => c.type === 'enter-step').at(-1);
    if (entered) publishStep(entered.step);
    for (const command of transition.commands) {
      switch (command.type) {
        case 'send':
          send(command);
          break;
        case 'start-timer':
          armTimer(command);
          break;
        case 'cancel-timer':
          timers.get(command.id)?.cancel();
          break;
        case 'complete':
          await recordEnrollmentEnd({ enrollmentId, status: 'completed' });
          break;
        case 'exit':
          await recordEnrollmentEnd({ enrollmentId, status: 'exited', reason: command.reason });
          break;
        case 'fail':
          await recordEnrollmentEnd({ enrollmentId, status: 'failed', reason: command.reason });
          break;
        case 'enter-step':
          break;
        case 'create-task':
        case 'escalate-task':
        case 'close-task':
        case 'record-assessment':
        case 'record-goal':
        case 'update-attributes':
          await recordJourneyCommand({ enrollmentId, workflowId, command } satisfies JourneyRecordInput);
          break;
      }
    }
  }
  return state;
}
