/** Cost and safety rules cel-js does not enforce itself, checked on the parsed AST before anything is evaluated. */
import type { ASTNode } from '@marcbachmann/cel-js';
import { expressionLimits } from './environment.js';

export interface ExpressionProblem {
  /** Character offset into the expression source (0-based). */
  position: number;
  message: string;
}

/** Macros that loop: nested ones multiply (100 × 100 × 100 …), so their nesting is capped. */
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter', 'bind']);
/** `matches` compiles a user pattern into a backtracking JS RegExp, which one crafted pattern can hang. */
const FORBIDDEN: Record<string, string> = {
  matches:
    'Regular expressions (`matches`) are not allowed in journey expressions; use contains, startsWith or endsWith.',
};
/** Unary chains (`!!!!…`) are not counted by the parser's depth limit, so the real depth is measured here. */
const MAX_TREE_DEPTH = 64;

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string';
}

function children(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const scan = (value: unknown, level: number) => {
    if (isNode(value)) out.push(value);
    else if (Array.isArray(value) && level < 3) for (const v of value) scan(v, level + 1);
  };
  scan(node.args, 0);
  return out;
}

function callName(node: ASTNode): string | undefined {
  return node.op === 'call' || node.op === 'rcall' ? (node.args[0] as string) : undefined;
}

/** The first rule the expression breaks, or undefined. Iterative, so a deep tree cannot overflow the stack here. */
export function guardExpression(ast: ASTNode): ExpressionProblem | undefined {
  const stack: Array<[ASTNode, number, number]> = [[ast, 1, 0]];
  while (stack.length > 0) {
    const [node, depth, nesting] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH)
      return {
        position: node.start,
        message: `The expression is nested too deeply (more than ${MAX_TREE_DEPTH} levels).`,
      };
    const name = callName(node);
    if (name !== undefined && FORBIDDEN[name]) return { position: node.start, message: FORBIDDEN[name] };
    const loops = name !== undefined && node.op === 'rcall' && COMPREHENSIONS.has(name);
    const inner = loops ? nesting + 1 : nesting;
    if (inner > expressionLimits.maxComprehensionNesting) {
      return {
        position: node.start,
        message: `Loops such as ${name}() may be nested at most ${expressionLimits.maxComprehensionNesting} deep.`,
      };
    }
    if (loops) {
      // The receiver runs once; only the macro's arguments run per element.
      const [, receiver, args] = node.args as [string, ASTNode, ASTNode[]];
      stack.push([receiver, depth + 1, nesting]);
      for (const arg of args) stack.push([arg, depth + 1, inner]);
    } else {
      for (const child of children(node)) stack.push([child, depth + 1, inner]);
    }
  }
  return undefined;
}
