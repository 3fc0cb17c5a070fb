/** A patient's consents (per channel and purpose, with source and evidence) and contact corrections, which clear a bad-contact mark. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, lookupErrors } from '../openapi.js';
import { PatientParam } from '../schemas/inbox.js';
import { ConsentAnswer, ConsentList, ContactCorrection, ContactState } from '../schemas/consent.js';
import { requireRole, roles } from '../auth.js';
import { getPatient } from '../../patients/repository.js';
import { ConsentRecord, listConsents, recordConsent } from '../../channels/consent.js';
import { correctContact } from '../../channels/contact-correction.js';

const list = createRoute({
  method: 'get',
  path: '/patients/{patientId}/consents',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: "A patient's consents, newest first",
  request: { params: PatientParam },
  responses: {
    200: json(ConsentList, 'Every consent record; the newest per channel and purpose is in force'),
    ...lookupErrors,
  },
});

const record = createRoute({
  method: 'post',
  path: '/patients/{patientId}/consents',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: 'Record a consent given or revoked',
  description: 'Every send checks the newest record for its channel and the journey’s consent purpose.',
  request: { params: PatientParam, ...body(ConsentRecord) },
  responses: {
    201: json(ConsentAnswer, 'The consent record'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
  },
});

const correct = createRoute({
  method: 'put',
  path: '/patients/{patientId}/contact',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: "Correct a patient's phone or email",
  description: 'Clears the bad-contact mark of what is corrected, so sends on that channel go out again.',
  request: { params: PatientParam, ...body(ContactCorrection) },
  responses: {
    200: json(ContactState, 'The contact details now'),
    ...bodyErrors,
    ...sessionErrors,
    404: errors[404],
  },
});

/** The stored status is one of the two the schema allows; the type system only knows it as text. */
const consentView = <T extends { status: string }>(row: T) => ({ ...row, status: row.status as 'granted' | 'revoked' });

export const consentRoutes = new OpenAPIHono<AppEnv>()
  .openapi(list, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    const patient = await getPatient(db, c.req.valid('param').patientId);
    return c.json({ consents: (await listConsents(db, patient.id)).map(consentView) }, 200);
  })
  .openapi(record, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    const patient = await getPatient(db, c.req.valid('param').patientId);
    return c.json({ consent: consentView(await recordConsent(db, user.id, patient.id, c.req.valid('json'))) }, 201);
  })
  .openapi(correct, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    return c.json(await correctContact(db, user.id, c.req.valid('param').patientId, c.req.valid('json')), 200);
  });
