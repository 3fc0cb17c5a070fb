/** The node component of each step type, keyed as React Flow's `nodeTypes`; adding a step type is one line here. */
import type { NodeTypes } from '@xyflow/react';
import { MessageNode } from './MessageNode.js';
import { WaitNode } from './WaitNode.js';
import { EndNode } from './EndNode.js';
import { GenericStepNode } from './GenericStepNode.js';

export const nodeTypes = {
  message: MessageNode,
  wait: WaitNode,
  end: EndNode,
  generic: GenericStepNode,
} satisfies NodeTypes;

/** The node type to render a step with: its own, or the generic one. */
export function nodeTypeOf(stepType: string): keyof typeof nodeTypes {
  return Object.prototype.hasOwnProperty.call(nodeTypes, stepType) ? (stepType as keyof typeof nodeTypes) : 'generic';
}
