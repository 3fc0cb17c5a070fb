/** The review of a version: submit, sign (electronic signature), signatures, diff, export, the reviewer's queue, review settings. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import { VersionAnswer } from '../schemas/version.js';
import {
  DiffAnswer,
  DiffQuery,
  ReviewQueue,
  ReviewSettings,
  ReviewSettingsInput,
  SignatureAnswer,
  SignatureList,
  SignatureRequest,
  VersionExport,
} from '../schemas/review.js';
import { requireRole, roles } from '../auth.js';
import { changeVersionStatus } from '../../journeys/transitions.js';
import { signVersion } from '../../journeys/signatures.js';
import { getVersion } from '../../journeys/version-view.js';
import { versionDiff } from '../../journeys/version-diff.js';
import { exportVersion } from '../../journeys/version-export.js';
import { reviewQueue } from '../../journeys/review-queue.js';
import { reviewSettings, setReviewSettings } from '../../journeys/review-settings.js';

const submit = createRoute({
  method: 'post',
  path: '/versions/{id}/submit',
  ...roles('program-manager'),
  tags: ['Review'],
  summary: 'Submit a snapshot for review; the disciplines that must sign are fixed now',
  request: { params: IdParam },
  responses: {
    200: json(VersionAnswer, 'The version, submitted'),
    ...lookupErrors,
    409: errors[409],
  },
});

const sign = createRoute({
  method: 'post',
  path: '/versions/{id}/signatures',
  ...roles('compliance-reviewer'),
  tags: ['Review'],
  summary: 'Sign a version electronically: approve or reject, for your discipline, with your password and the meaning',
  description:
    'The hash signed is recomputed from the stored document. 401 on a wrong password (audited, nothing signed); ' +
    '403 when you do not review for that discipline or authored or edited the version; 409 when the version is not ' +
    'in review, the discipline or you already signed, or the stored document no longer matches its hash.',
  request: { params: IdParam, ...body(SignatureRequest) },
  responses: {
    201: json(SignatureAnswer, 'The signature and the version, approved once every required discipline approved'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
    409: errors[409],
  },
});

const listSignatures = createRoute({
  method: 'get',
  path: '/versions/{id}/signatures',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: "A version's signatures, oldest first",
  request: { params: IdParam },
  responses: { 200: json(SignatureList, 'The signatures'), ...lookupErrors },
});

const diff = createRoute({
  method: 'get',
  path: '/versions/{id}/diff',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: 'Step-level diff against the last approved version of the journey (or `against`)',
  request: { params: IdParam, query: DiffQuery },
  responses: { 200: json(DiffAnswer, 'The diff'), ...lookupErrors },
});

const exportOne = createRoute({
  method: 'get',
  path: '/versions/{id}/export',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: 'Export a version for the record: document, signatures, editors and comments (audited)',
  request: { params: IdParam },
  responses: { 200: json(VersionExport, 'The export'), ...lookupErrors },
});

const queue = createRoute({
  method: 'get',
  path: '/reviews/queue',
  ...roles('compliance-reviewer'),
  tags: ['Review'],
  summary: 'Versions waiting for your signature',
  responses: { 200: json(ReviewQueue, 'Submitted versions you may sign now, oldest first'), ...sessionErrors },
});

const readSettings = createRoute({
  method: 'get',
  path: '/journeys/{id}/review-settings',
  ...roles('program-manager', 'compliance-reviewer'),
  tags: ['Review'],
  summary: "The disciplines whose approval the journey's versions need",
  request: { params: IdParam },
  responses: { 200: json(ReviewSettings, 'The setting'), ...lookupErrors },
});

const writeSettings = createRoute({
  method: 'put',
  path: '/journeys/{id}/review-settings',
  ...roles('admin'),
  tags: ['Review'],
  summary: "Set the journey's required disciplines (null: the server default); versions already submitted keep theirs",
  request: { params: IdParam, ...body(ReviewSettingsInput) },
  responses: { 200: json(ReviewSettings, 'The setting'), ...bodyErrors, ...sessionErrors, 404: errors[404] },
});

export const reviewRoutes = new OpenAPIHono<AppEnv>()
  .openapi(submit, async (c) => {
    const user = requireRole(c, 'program-manager');
    return c.json(
      { version: await changeVersionStatus(c.get('deps').db, user.id, c.req.valid('param').id, 'submit') },
      200,
    );
  })
  .openapi(sign, async (c) => {
    const user = requireRole(c, 'compliance-reviewer');
    const answer = await signVersion(c.get('deps').db, user.id, c.req.valid('param').id, c.req.valid('json'));
    return c.json(answer, 201);
  })
  .openapi(listSignatures, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    const version = await getVersion(c.get('deps').db, c.req.valid('param').id);
    return c.json({ signatures: version.signatures }, 200);
  })
  .openapi(diff, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json(await versionDiff(c.get('deps').db, c.req.valid('param').id, c.req.valid('query').against), 200);
  })
  .openapi(exportOne, async (c) => {
    const user = requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json(await exportVersion(c.get('deps').db, user, c.req.valid('param').id), 200);
  })
  .openapi(queue, async (c) => {
    const user = requireRole(c, 'compliance-reviewer');
    return c.json({ versions: await reviewQueue(c.get('deps').db, user.id) }, 200);
  })
  .openapi(readSettings, async (c) => {
    requireRole(c, 'program-manager', 'compliance-reviewer');
    return c.json(await reviewSettings(c.get('deps').db, c.req.valid('param').id), 200);
  })
  .openapi(writeSettings, async (c) => {
    const user = requireRole(c, 'admin');
    const { disciplines } = c.req.valid('json');
    return c.json(await setReviewSettings(c.get('deps').db, user.id, c.req.valid('param').id, disciplines), 200);
  });
