/** The mutable scratchpad of one engine transition, and the helpers every step behaviour shares: timers, the patient's zone, expression values. */
import type { JourneyDocument } from '../../schema/document.js';
import { declarationsFor } from '../../schema/expressions/declarations.js';
import { evaluateExpression, type EvaluateResult, type ExpectedType } from '../../schema/expressions/index.js';
import type { EngineCommand, EnrollmentState } from './types.js';

export interface StepContext {
  definition: JourneyDocument;
  /** A private copy of the state; the transition owns it. */
  state: EnrollmentState;
  commands: EngineCommand[];
  now: number;
  random: () => number;
}

/** Arms a timer for an absolute time and returns its id (unique within the enrollment). */
export function armTimer(ctx: StepContext, at: number): string {
  ctx.state.sequence += 1;
  const id = `t${ctx.state.sequence}`;
  ctx.state.timers.push({ id, at });
  ctx.commands.push({ type: 'start-timer', id, at });
  return id;
}

export function cancelTimer(ctx: StepContext, id: string): void {
  ctx.state.timers = ctx.state.timers.filter((t) => t.id !== id);
  ctx.commands.push({ type: 'cancel-timer', id });
}

/** The zone local times are read in: the program's fixed zone, or the patient's, or the program's fallback. */
export function zoneOf(ctx: Pick<StepContext, 'definition' | 'state'>): string {
  const setting = ctx.definition.settings.timeZone;
  return setting.source === 'fixed' ? setting.zone : (ctx.state.timeZone ?? setting.fallback);
}

/** Evaluates a CEL expression against this enrollment: its attributes, latest assessment, `now`, and an event payload when given. */
export function evaluate(
  ctx: StepContext,
  source: string,
  expected: ExpectedType,
  event?: { name: string; payload?: Record<string, unknown> },
): EvaluateResult {
  const assessment = ctx.state.assessment;
  return evaluateExpression(
    source,
    {
      patient: ctx.state.attributes,
      ...(event ? { event: event.payload ?? {} } : {}),
      ...(assessment
        ? { assessment: { score: assessment.score, answers: assessment.answers, class: assessment.class ?? '' } }
        : {}),
      now: new Date(ctx.now),
    },
    declarationsFor(ctx.definition, event?.name),
    expected,
  );
}
