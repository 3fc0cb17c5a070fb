/** Patients: create and list. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, bodyErrors, json, sessionErrors } from '../openapi.js';
import { PatientAnswer, PatientList } from '../schemas/patient.js';
import { requireRole, roles } from '../auth.js';
import { NewPatient, createPatient, listPatients } from '../../patients/repository.js';

const listAll = createRoute({
  method: 'get',
  path: '/patients',
  tags: ['Patients'],
  ...roles('program-manager', 'care-team'),
  summary: 'List patients',
  responses: {
    200: json(PatientList, 'Patients, newest first'),
    ...sessionErrors,
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
    return c.json({ patients: await listPatients(c.get('deps').db) }, 200);
  })
  .openapi(create, async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    return c.json({ patient: await createPatient(c.get('deps').db, user.id, c.req.valid('json')) }, 201);
  });
