/** Public assessment forms at /forms/:token: the patient opens the link from their message, answers, and the journey goes on. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { enrollmentState } from '../temporal/client.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { enrollments, versions } from '../db/schema.js';
import type { TemporalAccess } from '../enrollments/enroll.js';
import { prepareDefinition } from '../engine/definition.js';
import { openLink, releaseLink, useLink, type FormLink } from './links.js';
import { formPage, messagePage } from './render.js';
import { readFormAnswers } from './answers.js';
import { requestLogging } from '../http-log.js';

export interface FormsDeps {
  db: Database;
  temporal: () => TemporalAccess | undefined;
}

async function questionnaireOf(db: Database, link: FormLink) {
  const [row] = await db
    .select({ document: versions.document })
    .from(enrollments)
    .innerJoin(versions, eq(versions.id, enrollments.versionId))
    .where(eq(enrollments.id, link.enrollmentId));
  const step = row ? prepareDefinition(row.document).steps[link.stepId] : undefined;
  return step?.type === 'assessment' ? step.questionnaire : undefined;
}

/** Whether the journey still waits for this form: a timed-out, declined or later assessment must not swallow answers. */
async function stillOpen(temporal: FormsDeps['temporal'], link: FormLink): Promise<'open' | 'closed' | 'unavailable'> {
  const access = temporal();
  if (!access) return 'unavailable';
  const state = await enrollmentState(access.client, link.workflowId).catch(() => undefined);
  if (state === undefined) return 'unavailable';
  const phase = state?.phase;
  return state?.status === 'running' &&
    phase?.kind === 'assessing' &&
    phase.step === link.stepId &&
    phase.visit === link.visit
    ? 'open'
    : 'closed';
}

const CLOSED = 'This questionnaire is closed; your care team will be in touch if they need your answers.';
const BUSY = 'We could not take your answers right now; please try again in a few minutes.';

export function createFormsApp({ db, temporal }: FormsDeps) {
  const app = new Hono();
  app.use('/forms/*', ...requestLogging);
  app.use(
    '/forms/*',
    bodyLimit({
      maxSize: 64_000,
      onError: (c) => c.html(messagePage('Questionnaire', 'That is more than this form takes.'), 413),
    }),
  );
  // The token is the patient's only credential here: keep pages out of caches and referrers.
  app.use('/forms/*', async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
  });

  app.get('/forms/:token', async (c) => {
    const opened = await openLink(db, c.req.param('token'));
    if (!opened.ok) return c.html(messagePage('Questionnaire', opened.why), 404);
    const questionnaire = await questionnaireOf(db, opened.link);
    if (!questionnaire) return c.html(messagePage('Questionnaire', 'This questionnaire is no longer available.'), 404);
    const open = await stillOpen(temporal, opened.link);
    if (open === 'closed') return c.html(messagePage('Questionnaire', CLOSED), 410);
    if (open === 'unavailable') return c.html(messagePage('Questionnaire', BUSY), 503);
    return c.html(formPage(questionnaire));
  });

  app.post('/forms/:token', async (c) => {
    const token = c.req.param('token');
    const opened = await openLink(db, token);
    if (!opened.ok) return c.html(messagePage('Questionnaire', opened.why), 410);
    const questionnaire = await questionnaireOf(db, opened.link);
    if (!questionnaire) return c.html(messagePage('Questionnaire', 'This questionnaire is no longer available.'), 404);
    const read = readFormAnswers(questionnaire, await c.req.parseBody());
    if (!read.ok) return c.html(formPage(questionnaire, read.errors), 400);
    const open = await stillOpen(temporal, opened.link);
    if (open === 'closed') return c.html(messagePage('Questionnaire', CLOSED), 410);
    const access = temporal();
    if (open === 'unavailable' || !access) return c.html(messagePage('Questionnaire', BUSY), 503);
    if (!(await useLink(db, token)))
      return c.html(messagePage('Questionnaire', 'These answers have already been sent. Thank you.'), 409);
    try {
      await access.client.workflow
        .getHandle(opened.link.workflowId)
        .signal('assessmentResponse', { step: opened.link.stepId, visit: opened.link.visit, answers: read.answers });
    } catch {
      // Not delivered: the link stays open so the patient can send again, and nothing is lost.
      await releaseLink(db, token);
      return c.html(messagePage('Questionnaire', BUSY), 503);
    }
    return c.html(messagePage('Thank you', 'Your answers have been sent to your care team.'));
  });
  return app;
}
