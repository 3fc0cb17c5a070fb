/** Graph rules of a journey: dangling and unconnected outputs, unreachable steps, loops that never pause. */
import type { JourneyDocument } from './document.js';
import { kindOf, outputsOf, type Step } from './steps/registry.js';
import { pointerToken, type Problem } from './problems.js';

const stepPointer = (id: string) => `/steps/${pointerToken(id)}`;

export function checkGraph(document: JourneyDocument): Problem[] {
  const problems: Problem[] = [];
  const steps = document.steps;
  if (document.start === '') {
    problems.push({
      code: 'graph.no-start',
      pointer: '/start',
      severity: 'error',
      message: 'The journey has no start step yet; add a step and make it the start.',
    });
  } else if (!Object.prototype.hasOwnProperty.call(steps, document.start)) {
    problems.push({
      code: 'graph.missing-start',
      pointer: '/start',
      severity: 'error',
      message: `The journey starts at "${document.start}", which is not a step.`,
    });
  }
  for (const [id, step] of Object.entries(steps)) {
    const offered = new Set(outputsOf(step));
    for (const [output, target] of Object.entries(step.outputs)) {
      const at = `${stepPointer(id)}/outputs/${pointerToken(output)}`;
      if (!offered.has(output)) {
        problems.push({
          code: 'graph.unknown-output',
          pointer: at,
          stepId: id,
          severity: 'error',
          message: `Step "${id}" has no output "${output}"; its outputs are ${[...offered].map((o) => `"${o}"`).join(', ') || 'none'}.`,
        });
      }
      if (!Object.prototype.hasOwnProperty.call(steps, target)) {
        problems.push({
          code: 'graph.dangling-output',
          pointer: at,
          stepId: id,
          severity: 'error',
          message: `Output "${output}" of step "${id}" leads to "${target}", which is not a step.`,
        });
      }
    }
    for (const output of kindOf(step).requiredOutputs(step)) {
      if (!step.outputs[output]) {
        problems.push({
          code: 'graph.unconnected-output',
          pointer: `${stepPointer(id)}/outputs`,
          stepId: id,
          severity: 'error',
          message: `Output "${output}" of step "${stepLabel(id, step)}" is not connected to a next step.`,
        });
      }
    }
  }
  const reachable = reachableFrom(document);
  for (const id of Object.keys(steps)) {
    if (!reachable.has(id)) {
      problems.push({
        code: 'graph.unreachable-step',
        pointer: stepPointer(id),
        stepId: id,
        severity: 'error',
        message: `Step "${stepLabel(id, steps[id])}" can never be reached from the start.`,
      });
    }
  }
  for (const cycle of loopsWithoutWait(document)) {
    problems.push({
      code: 'graph.loop-without-wait',
      pointer: stepPointer(cycle[0]),
      stepId: cycle[0],
      severity: 'error',
      message: `Steps ${cycle.map((s) => `"${s}"`).join(' → ')} form a loop with no wait; a loop must pause somewhere so a patient is not messaged in a burst.`,
    });
  }
  for (const [id, step] of Object.entries(steps)) {
    const target = step.maxVisits !== undefined ? step.outputs.capped : undefined;
    if (target && reachableFrom(document, target).has(id)) {
      problems.push({
        code: 'graph.cap-loops-back',
        pointer: `${stepPointer(id)}/outputs/capped`,
        stepId: id,
        severity: 'error',
        message: `The "capped" output of step "${stepLabel(id, step)}" leads back into its own loop; it must lead out of it, or the cap would never end the loop.`,
      });
    }
  }
  for (const cycle of loopsWithoutCap(document)) {
    problems.push({
      code: 'graph.loop-without-cap',
      pointer: stepPointer(cycle[0]),
      stepId: cycle[0],
      severity: 'error',
      message: `Steps ${cycle.map((s) => `"${s}"`).join(' → ')} form a loop with no iteration cap; give one of them a maximum number of visits.`,
    });
  }
  return problems;
}

function stepLabel(id: string, step: Step): string {
  return step.name ? `${step.name}` : id;
}

/** Steps reachable along connected outputs from `origin` (the start by default). */
export function reachableFrom(document: JourneyDocument, origin: string = document.start): Set<string> {
  const seen = new Set<string>();
  const queue = Object.prototype.hasOwnProperty.call(document.steps, origin) ? [origin] : [];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const target of Object.values(document.steps[id].outputs)) {
      if (Object.prototype.hasOwnProperty.call(document.steps, target) && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/** Loops that never pause: cycles among steps that do not wait. */
export function loopsWithoutWait(document: JourneyDocument): string[][] {
  return cyclesAmong(document, (step) => !kindOf(step).waits(step));
}

/** Loops with no iteration cap: cycles among steps without `maxVisits`. */
export function loopsWithoutCap(document: JourneyDocument): string[][] {
  return cyclesAmong(document, (step) => step.maxVisits === undefined);
}

/** Strongly connected groups that contain a cycle, among the steps `include` keeps (Tarjan, iterative: no recursion to overflow). */
function cyclesAmong(document: JourneyDocument, include: (step: Step) => boolean): string[][] {
  const nonWaiting = Object.entries(document.steps)
    .filter(([, step]) => include(step))
    .map(([id]) => id);
  const inSet = new Set(nonWaiting);
  const edges = (id: string) => Object.values(document.steps[id].outputs).filter((t) => inSet.has(t));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;
  for (const root of nonWaiting) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: number }> = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter++;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = edges(frame.id);
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter++;
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && edges(component[0]).includes(component[0]);
        if (component.length > 1 || selfLoop) loops.push(component.reverse());
      }
    }
  }
  return loops;
}
