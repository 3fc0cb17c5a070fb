/** The designer's calls for patients: search, one patient's record, and the path one of their enrollments took; typed from the server's route schemas. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

export type PatientRecord = InferResponseType<(typeof client.api.patients)[':id']['$get'], 200>;
export type FoundPatient = InferResponseType<(typeof client.api.patients)['$get'], 200>['patients'][number];
export type EnrollmentPath = InferResponseType<(typeof client.api.enrollments)[':id']['path']['$get'], 200>;

export const patientsApi = {
  search: (q: string) => answer(client.api.patients.$get({ query: { q } })),
  record: (id: string) => answer(client.api.patients[':id'].$get({ param: { id: encodeURIComponent(id) } })),
  path: (enrollmentId: string) =>
    answer(client.api.enrollments[':id'].path.$get({ param: { id: encodeURIComponent(enrollmentId) } })),
};
