/** Fields every step shares, and the contract each step type fulfils in the registry. */
import { z } from 'zod';
import { Outputs } from '../ids.js';
import type { Problem } from '../problems.js';
import type { JourneyDocument } from '../document.js';

export const stepBase = {
  /** A short label shown on the canvas. */
  name: z.string().max(200).optional(),
  /** Free-text note for reviewers and colleagues. */
  note: z.string().max(4000).optional(),
  outputs: Outputs.default({}),
  /** Loop cap: entering the step more often than this takes its `capped` output (or ends the enrollment). */
  maxVisits: z.number().int().min(1).max(10_000).optional(),
};

/** What a step type contributes beyond its schema: its outputs and its own semantic rules. */
export interface StepKind<S> {
  type: string;
  /** Palette label. */
  label: string;
  /** Outputs that must be connected for the journey to be valid. */
  requiredOutputs(step: S): string[];
  /** Outputs that may be left unconnected (e.g. `failed`: an unconnected failure ends the enrollment as failed). */
  optionalOutputs(step: S): string[];
  /** True when the engine pauses at this step for time to pass (loops must pass through one). */
  waits(step: S): boolean;
  /**
   * Semantic rules for one step; `at` is the step's JSON pointer. Reads only this step and the document's
   * `attributes`, `events` and `settings`: the designer's validator caches the answer per step on exactly
   * those (schema/incremental-validate.ts). A rule that looks at other steps belongs in graph.ts or journey-rules.ts.
   */
  check(step: S, ctx: { at: string; stepId: string; document: JourneyDocument }): Problem[];
  /** A fresh step of this type, as the palette drops it. */
  create(): S;
}
