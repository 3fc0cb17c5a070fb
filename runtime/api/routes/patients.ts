/** Patients: create and list. */
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../context.js';
import { body, errors, ok } from '../openapi.js';
import { requireRole } from '../auth.js';
import { NewPatient, createPatient, listPatients } from '../../patients/repository.js';

export const patientRoutes = new OpenAPIHono<AppEnv>();

patientRoutes.openapi(
  createRoute({
    method: 'get',
    path: '/patients',
    tags: ['Patients'],
    summary: 'List patients',
    responses: { 200: ok('Patients') },
  }),
  async (c) => {
    requireRole(c, 'program-manager', 'care-team');
    return c.json({ patients: await listPatients(c.get('deps').db) }, 200);
  },
);

patientRoutes.openapi(
  createRoute({
    method: 'post',
    path: '/patients',
    tags: ['Patients'],
    summary: 'Create a patient',
    request: body(NewPatient),
    responses: { 201: ok('The patient'), 400: errors[400] },
  }),
  async (c) => {
    const user = requireRole(c, 'program-manager', 'care-team');
    return c.json({ patient: await createPatient(c.get('deps').db, user.id, c.req.valid('json')) }, 201);
  },
);
