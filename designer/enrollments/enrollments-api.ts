/** The designer's calls for a version's enrollments: the list with statuses and steps, the version (for its step names), and ending one with a reason. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

const at = (id: string) => ({ param: { id: encodeURIComponent(id) } });

export type VersionEnrollments = InferResponseType<(typeof client.api.versions)[':id']['enrollments']['$get'], 200>;
export type VersionEnrollment = VersionEnrollments['enrollments'][number];

export const enrollmentsApi = {
  version: (versionId: string) => answer(client.api.versions[':id'].$get(at(versionId))),
  ofVersion: (versionId: string) => answer(client.api.versions[':id'].enrollments.$get(at(versionId))),
  exit: (enrollmentId: string, reason: string) =>
    answer(client.api.enrollments[':id'].exit.$post({ ...at(enrollmentId), json: { reason } })),
};
