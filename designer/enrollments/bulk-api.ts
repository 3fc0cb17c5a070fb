/** The designer's calls for bulk enrollment from a CSV file: preview (nothing written) and run; typed from the server's route schemas. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

const bulk = client.api.versions[':id']['bulk-enrollments'];

export type BulkPreview = InferResponseType<(typeof bulk.preview)['$post'], 200>;
export type BulkResult = InferResponseType<(typeof bulk)['$post'], 200>;
export type BulkRow = BulkPreview['rows'][number];

const request = (versionId: string, csv: string) => ({ param: { id: encodeURIComponent(versionId) }, json: { csv } });

export const bulkApi = {
  preview: (versionId: string, csv: string) => answer(bulk.preview.$post(request(versionId, csv))),
  run: (versionId: string, csv: string) => answer(bulk.$post(request(versionId, csv))),
};
