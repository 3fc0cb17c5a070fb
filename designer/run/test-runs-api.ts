/** The designer's call for a journey's test patients (every one, or the user's own), typed from the server's route schema. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

const route = client.api.journeys[':id']['test-enrollments'];
export type TestEnrollment = InferResponseType<(typeof route)['$get'], 200>['testEnrollments'][number];
export type TestPatientsScope = 'me' | 'anyone';

export const testRunsApi = {
  list: (journeyId: string, by: TestPatientsScope) =>
    answer(route.$get({ param: { id: encodeURIComponent(journeyId) }, query: { by } })),
};
