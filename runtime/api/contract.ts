/** The served OpenAPI document read as a contract: its operations, and a validator for each answer it declares. */
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: JsonSchema }>;
}

export interface OperationObject {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, ResponseObject>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Operation {
  method: string;
  path: string;
  operation: OperationObject;
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Every operation of the document, named `METHOD /path` in messages. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

export const nameOf = (op: Pick<Operation, 'method' | 'path'>) => `${op.method.toUpperCase()} ${op.path}`;

/** The JSON schema of a declared answer's body, or undefined when the answer declares no JSON body. */
export function answerJsonSchema(op: Operation, status: number | string): JsonSchema | undefined {
  return op.operation.responses?.[String(status)]?.content?.['application/json']?.schema;
}

/** True for a schema that admits anything (`z.any()`, `{}`): a fuzzer cannot check an answer against it. */
export function admitsAnything(schema: JsonSchema | undefined): boolean {
  return schema === undefined || Object.keys(schema).filter((key) => key !== 'description').length === 0;
}

/**
 * A zod validator built from the document's own JSON Schema for one answer, so a test checks what a client or a
 * fuzzer reads from the document, not the server's zod objects. Component references become local `$defs`.
 */
export function answerValidator(document: OpenApiDocument, op: Operation, status: number | string) {
  const schema = answerJsonSchema(op, status);
  if (!schema) return undefined;
  const local = (value: unknown) =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', '"#/$defs/')) as JsonSchema;
  const $defs = local(document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  return z.fromJSONSchema({ ...local(schema), $defs } as Parameters<typeof z.fromJSONSchema>[0]);
}
