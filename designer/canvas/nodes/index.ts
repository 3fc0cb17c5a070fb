/** The node component of each step type, keyed as React Flow's `nodeTypes`; adding a step type is one line here. */
import type { NodeTypes } from '@xyflow/react';
import { MessageNode } from './MessageNode.js';
import { WaitNode } from './WaitNode.js';
import { EndNode } from './EndNode.js';

export const nodeTypes = { message: MessageNode, wait: WaitNode, end: EndNode } satisfies NodeTypes;
