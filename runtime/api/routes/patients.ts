/** Patients: create, search, and one patient's record with contacts, consents, enrollments, messages, scores and tasks. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, errors, json, sessionErrors, IdParam, lookupErrors } from '../openapi.js';
import { PatientAnswer, PatientList } from '../schemas/patient.js';
import { PatientDetail, PatientSearchQuery } from '../schemas/patient-detail.js';
import { requireRole, roles } from '../auth.js';
import { NewPatient, createPatient, listPatients } from '../../patients/repository.js';
import { patientDetail, searchPatients } from '../../patients/detail.js';
import { withSharedContacts } from '../../channels/hygiene-shared.js';

const listAll = createRoute({
  method: 'get',
  path: '/patients',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: 'List or search patients',
  request: { query: PatientSearchQuery },
  responses: {
    200: json(PatientList, 'Patients, newest first (at most 100 when searching, 500 otherwise)'),
    400: errors[400],
    ...sessionErrors,
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/patients/{id}',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: "A patient's record: contacts and their state, consents, enrollments, messages both ways, scores, tasks",
  request: { params: IdParam },
  responses: {
    200: json(PatientDetail, 'The patient'),
    ...lookupErrors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/patients',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: 'Create a patient',
  request: body(NewPatient),
  responses: {
    201: json(PatientAnswer, 'The patient'),
    ...bodyErrors,
    ...sessionErrors,
  },
});

export const patientRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listAll, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { q } = c.req.valid('query');
    const db = c.get('deps').db;
    return c.json({ patients: q === undefined ? await listPatients(db) : await searchPatients(db, q) }, 200);
  })
  .openapi(getOne, async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    const { db } = c.get('deps');
    return c.json(await withSharedContacts(db, await patientDetail(db, c.req.valid('param').id)), 200);
  })
  .openapi(create, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    return c.json({ patient: await createPatient(c.get('deps').db, user.id, c.req.valid('json')) }, 201);
  });
