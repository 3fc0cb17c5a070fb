/** The Hono application for `/api`: middleware, every route, the OpenAPI document and its reference page. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, ApiDeps } from './context.js';
import { respondError } from './errors.js';
import { InvalidInputError, TooLargeError } from '../errors.js';
import { sessionMiddleware } from './auth.js';
import { toPointer } from '../../schema/problems.js';
import { health } from './routes/health.js';
import { sessionRoutes } from './routes/sessions.js';
import { journeyRoutes } from './routes/journeys.js';
import { versionRoutes } from './routes/versions.js';
import { patientRoutes } from './routes/patients.js';
import { enrollmentRoutes } from './routes/enrollments.js';
import { bulkEnrollmentRoutes } from './routes/bulk-enrollments.js';
import { versionEnrollmentRoutes } from './routes/version-enrollments.js';
import { testEnrollmentRoutes } from './routes/test-enrollments.js';
import { enrollmentPathRoutes } from './routes/enrollment-path.js';
import { inboxRoutes } from './routes/inbox.js';
import { consentRoutes } from './routes/consents.js';
import { connectorRoutes } from './routes/connectors.js';
import { taskRoutes } from './routes/tasks.js';
import { liveCountRoutes } from './routes/live-counts.js';
import { reviewRoutes } from './routes/reviews.js';
import { commentRoutes } from './routes/comments.js';
import { auditRoutes } from './routes/audit.js';
import { userRoutes } from './routes/users.js';
import { hygieneRoutes } from './routes/hygiene.js';
import { migrationRoutes } from './routes/migrations.js';
import { codecCors, codecRoutes } from './routes/codec.js';
import { referencePage } from './reference.js';
import { requestLogging } from '../http-log.js';

/** Request bodies larger than this are refused before they are read: a journey document is well under it. */
export const MAX_BODY_BYTES = 2_500_000;

export function createApi(deps: ApiDeps) {
  const api = new OpenAPIHono<AppEnv>({
    // Schema failures become one 400 that lists every problem with its JSON pointer.
    defaultHook: (result, c) => {
      if (!result.success) {
        const problems = result.error.issues.map((issue) => ({
          code: `request.${issue.code}`,
          pointer: toPointer(issue.path as PropertyKey[]),
          severity: 'error' as const,
          message: `${toPointer(issue.path as PropertyKey[]) || 'The request'}: ${issue.message}`,
        }));
        return c.json(
          { error: { code: 'invalid-request', message: problems.map((p) => p.message).join('; '), problems } },
          400,
        );
      }
    },
  }).basePath('/api');

  // First, so the request's log line covers every other middleware, and its id is set before anything logs.
  api.use('*', ...requestLogging);
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new TooLargeError('too-large', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
      },
    }),
  );
  // Before the session check: a CORS preflight from the Temporal Web UI carries no cookie.
  api.use('/temporal-codec/*', codecCors);
  api.use('*', sessionMiddleware);
  api.onError((error, c) => {
    if (error instanceof SyntaxError || (error instanceof HTTPException && /malformed json/i.test(error.message))) {
      return respondError(
        c,
        new InvalidInputError('invalid-json', `The request body is not valid JSON: ${error.message}`),
      );
    }
    // Hono's own refusals (a wrong content type, …) keep their status and say why.
    if (error instanceof HTTPException && error.status < 500)
      return c.json({ error: { code: 'bad-request', message: error.message } }, error.status as ContentfulStatusCode);
    return respondError(c, error);
  });
  api.notFound((c) =>
    c.json({ error: { code: 'not-found', message: `No API route ${c.req.method} ${c.req.path}.` } }, 404),
  );

  // Chained, so the type of `routes` carries every route's schema for the designer's typed client.
  const routes = api
    .route('/', health)
    .route('/', sessionRoutes)
    .route('/', journeyRoutes)
    .route('/', versionRoutes)
    .route('/', patientRoutes)
    .route('/', enrollmentRoutes)
    .route('/', bulkEnrollmentRoutes)
    .route('/', versionEnrollmentRoutes)
    .route('/', testEnrollmentRoutes)
    .route('/', enrollmentPathRoutes)
    .route('/', inboxRoutes)
    .route('/', consentRoutes)
    .route('/', connectorRoutes)
    .route('/', taskRoutes)
    .route('/', liveCountRoutes)
    .route('/', reviewRoutes)
    .route('/', commentRoutes)
    .route('/', auditRoutes)
    .route('/', userRoutes)
    .route('/', hygieneRoutes)
    .route('/', migrationRoutes);

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Carepath API',
      version: '0.1.0',
      description: 'Journeys, versions, patients, enrollments and the development channel.',
    },
  });
  api.route('/', codecRoutes);
  api.route('/', referencePage);
  return routes;
}

/** The API's type, for `hc<ApiType>` in the designer (a type-only import). */
export type ApiType = ReturnType<typeof createApi>;
