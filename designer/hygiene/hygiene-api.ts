/** The designer's calls for contact hygiene: the report for a scope, and the address of its CSV download; typed from the server's route schemas. */
import type { InferResponseType } from 'hono/client';
import { answer, client } from '../api/client.js';

/** The JSON answer (the route also answers text/csv, which this client never asks for). */
export type HygieneReport = Extract<
  InferResponseType<(typeof client.api)['contact-hygiene']['$get'], 200>,
  { issues: unknown }
>;
export type ContactIssue = HygieneReport['issues'][number];

/** What a report covers: everyone, one journey (all its versions) or one version. */
export type HygieneFilter = { journeyId?: string; versionId?: string };

const queryOf = (filter: HygieneFilter): Record<string, string> =>
  filter.versionId ? { versionId: filter.versionId } : filter.journeyId ? { journeyId: filter.journeyId } : {};

export const hygieneApi = {
  report: async (filter: HygieneFilter) =>
    (await answer(
      client.api['contact-hygiene'].$get({ query: { ...queryOf(filter), format: 'json' } }),
    )) as HygieneReport,
};

/** A plain link, so the browser downloads the file with the session cookie and the server's file name. */
export function hygieneCsvHref(filter: HygieneFilter): string {
  return `/api/contact-hygiene?${new URLSearchParams({ ...queryOf(filter), format: 'csv' })}`;
}
