/** The API's resources as the designer reads them: inferred from the typed client's answers, so from the server's route schemas. */
import type { InferResponseType } from 'hono/client';
import type { api, client } from './client.js';

type Api = typeof client.api;

export type User = InferResponseType<Api['sessions']['current']['$get'], 200>['user'];
export type Journey = Awaited<ReturnType<typeof api.getJourney>>['journey'];
export type JourneySummary = InferResponseType<Api['journeys']['$get'], 200>['journeys'][number];
export type Version = Journey['versions'][number];
export type VersionStatus = Version['status'];
export type Patient = InferResponseType<Api['patients']['$post'], 201>['patient'];
export type InboxMessage = InferResponseType<Api['inbox'][':patientId']['$get'], 200>['messages'][number];
export type Connector = InferResponseType<Api['connectors']['$get'], 200>['connectors'][number];

type EnrollmentWithState = InferResponseType<Api['enrollments'][':id']['$get'], 200>['enrollment'];
/** An enrollment; `state` (the engine's state and path) comes only with the one-enrollment answer. */
export type Enrollment = Omit<EnrollmentWithState, 'state'> & { state?: EnrollmentWithState['state'] };
