/**
 * The remote codec for the Temporal Web UI (`POST /api/temporal-codec/decode` and `/encode`, Temporal's codec
 * server protocol): staff who may see patient data read decrypted workflow histories in the UI.
 */
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import type { Payload, PayloadCodec } from '@temporalio/common';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors } from '../openapi.js';
import { UnavailableError, UnprocessableError } from '../../errors.js';
import { roles } from '../auth.js';
import { appendAudit } from '../../db/audit.js';
import type { Role } from '../../people/roles.js';

export const codecRoutes = new OpenAPIHono<AppEnv>();

/**
 * The Web UI runs on another origin and calls these routes from the browser with "include cross-origin
 * credentials", so the session cookie comes along; only the configured UI origins may read the answers.
 * Registered before the session middleware: the browser's preflight carries no cookie.
 */
export const codecCors = cors({
  origin: (origin, c) => ((c as Context<AppEnv>).get('deps').payloadCodec?.uiOrigins.includes(origin) ? origin : null),
  allowMethods: ['POST'],
  allowHeaders: ['content-type', 'x-namespace', 'authorization'],
  credentials: true,
  maxAge: 600,
});

/** A payload as the protocol sends it: protobuf JSON, so metadata values and data are base64. */
const CodecPayload = z
  .object({
    metadata: z.record(z.string().max(200), z.base64()).nullish(),
    data: z.base64().nullish(),
  })
  .openapi('CodecPayload');

const CodecPayloads = z.object({ payloads: z.array(CodecPayload).max(10_000) }).openapi('CodecPayloads');
type CodecPayloads = z.infer<typeof CodecPayloads>;

/** The Web UI names the namespace whose history it shows; the audit trail records it. */
const CodecHeaders = z.object({
  'x-namespace': z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,255}$/, 'a Temporal namespace name: letters, digits, ".", "_" or "-"')
    .optional(),
});

const fromJson = ({ metadata, data }: z.infer<typeof CodecPayload>): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(data ?? '', 'base64'),
});

const toJson = ({ metadata, data }: Payload): z.infer<typeof CodecPayload> => ({
  metadata: Object.fromEntries(Object.entries(metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
  data: Buffer.from(data ?? new Uint8Array()).toString('base64'),
});

/** Patient data is for program managers and the care team; engineers, reviewers and admins see ciphertext. */
export const CODEC_ROLES: Role[] = ['program-manager', 'care-team'];

function codecFor(c: Context<AppEnv>): PayloadCodec {
  const configured = c.get('deps').payloadCodec;
  if (!configured)
    throw new UnavailableError(
      'codec-unavailable',
      'This server has no payload codec configured; nothing can be decoded.',
    );
  return configured.codec;
}

/** One payload at a time, so a payload that cannot be opened is named by its position. */
async function transform(
  { payloads }: CodecPayloads,
  operation: (payloads: Payload[]) => Promise<Payload[]>,
  verb: string,
): Promise<CodecPayloads> {
  const out: Payload[] = [];
  for (const [index, payload] of payloads.entries()) {
    try {
      out.push(...(await operation([fromJson(payload)])));
    } catch (err) {
      throw new UnprocessableError(
        `cannot-${verb}`,
        `/payloads/${index}: could not ${verb}: ${(err as Error).message}`,
      );
    }
  }
  return { payloads: out.map(toJson) };
}

const codecRoute = (operation: 'decode' | 'encode', summary: string) =>
  createRoute({
    method: 'post',
    path: `/temporal-codec/${operation}`,
    tags: ['Temporal codec'],
    ...roles(...CODEC_ROLES),
    summary,
    request: { ...body(CodecPayloads), headers: CodecHeaders },
    responses: {
      200: json(CodecPayloads, `The payloads, ${operation}d, in the order given`),
      ...bodyErrors,
      ...sessionErrors,
      422: errors[422],
      503: errors[503],
    },
  });

codecRoutes.openapi(
  codecRoute('decode', 'Decrypt payloads for the Temporal Web UI (program managers and the care team)'),
  async (c) => {
    const codec = codecFor(c);
    const decoded = await transform(c.req.valid('json'), (p) => codec.decode(p), 'decode');
    // Patient data leaves Temporal in clear here: who, when and how many payloads go on the audit trail (never what
    // they hold) before the answer does, so no decode reaches a browser unrecorded.
    const { db } = c.get('deps');
    await db.transaction(
      (tx) =>
        appendAudit(tx, {
          actor: c.get('user').id,
          action: 'temporal-codec.decoded',
          entityType: 'temporal-namespace',
          entityId: c.req.valid('header')['x-namespace'] ?? 'unnamed',
          data: { payloads: decoded.payloads.length },
        }),
      { behavior: 'immediate' },
    );
    return c.json(decoded, 200);
  },
);

codecRoutes.openapi(
  codecRoute('encode', 'Encrypt payloads the Temporal Web UI sends (a signal typed in the UI)'),
  async (c) => {
    const codec = codecFor(c);
    return c.json(await transform(c.req.valid('json'), (p) => codec.encode(p), 'encode'), 200);
  },
);
