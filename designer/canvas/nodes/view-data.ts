/** What a step node shows beyond the step itself: its validation problems and its place on an enrollment's path. */
import type { Node } from '@xyflow/react';
import type { Problem, StepType } from '../../../schema/index.js';
import type { StepNodeData } from '../../model/projection.js';

export type PathMark = 'visited' | 'current';

export interface StepNodeViewData extends StepNodeData {
  problems: Problem[];
  /** Output names of the step, in handle order (from `outputsOf`). */
  outputs: string[];
  /** Outputs that must be connected for the journey to be valid (the rest, like `failed`, may stay open). */
  required: string[];
  /** Outputs currently connected, so unconnected required ones can be shown as such. */
  connected: string[];
  path?: PathMark;
  /** Patients at this step now, when the canvas shows a published version's live counts. */
  liveCount?: number;
  /** What `liveCount` counts, when it is not the patients there now (a simulated cohort's entries). */
  liveCountMeaning?: string;
}

export type StepViewNode = Node<StepNodeViewData, StepType>;
