/** The designer's calls to the Review API (runtime/api/README.md, "Review API"): queue, submit, signatures, comments, publish; typed from the server's route schemas. */
import type { InferRequestType, InferResponseType } from 'hono/client';
import type { JourneyDocument } from '../../schema/index.js';
import { answer, client } from './client.js';
import type { Version } from './types.js';

type Api = typeof client.api;

/** A version as the review lifecycle describes it: status, required disciplines, editors, signatures. */
export type ReviewedVersion = Version;
export type Signature = NonNullable<ReviewedVersion['signatures']>[number];
export type Discipline = Signature['discipline'];
export type Person = NonNullable<ReviewedVersion['editors']>[number];
export type QueuedVersion = InferResponseType<Api['reviews']['queue']['$get'], 200>['versions'][number];
export type Comment = InferResponseType<Api['versions'][':id']['comments']['$get'], 200>['comments'][number];
export type SignatureInput = InferRequestType<Api['versions'][':id']['signatures']['$post']>['json'];

export const DISCIPLINES: Discipline[] = ['medical', 'legal', 'regulatory'];

/** `hc` puts path parameters into the URL as they are: encode them, so an id can never change the path. */
const at = (id: string) => ({ param: { id: encodeURIComponent(id) } });

/** The frozen document is JSON already; its own type is restored (`hc`'s JSON types lose the FHIR questionnaires). */
type WithDocument<T> = T extends { version: infer V }
  ? { version: Omit<V, 'document'> & { document: JourneyDocument } }
  : T;

const documentTyped = <T>(pending: Promise<T>) => pending as Promise<WithDocument<T>>;

export const reviewApi = {
  queue: () => answer(client.api.reviews.queue.$get()),
  version: (id: string) => documentTyped(answer(client.api.versions[':id'].$get(at(id)))),
  journeyVersions: (journeyId: string) => answer(client.api.journeys[':id'].$get(at(journeyId))),
  submit: (versionId: string) => answer(client.api.versions[':id'].submit.$post(at(versionId))),
  publish: (versionId: string) => answer(client.api.versions[':id'].publish.$post(at(versionId))),
  sign: (versionId: string, input: SignatureInput) =>
    answer(client.api.versions[':id'].signatures.$post({ ...at(versionId), json: input })),
  comments: (versionId: string) => answer(client.api.versions[':id'].comments.$get(at(versionId))),
  comment: (versionId: string, body: string, stepId?: string) =>
    answer(
      client.api.versions[':id'].comments.$post({ ...at(versionId), json: { body, ...(stepId ? { stepId } : {}) } }),
    ),
  reply: (commentId: string, body: string) =>
    answer(client.api.comments[':id'].replies.$post({ ...at(commentId), json: { body } })),
  resolve: (commentId: string) => answer(client.api.comments[':id'].resolve.$post(at(commentId))),
};
