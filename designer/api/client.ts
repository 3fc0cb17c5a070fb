/** The designer's calls to the Carepath HTTP API through Hono's `hc` client, typed from the server's route schemas; errors surface as ApiError with the server's message. */
import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { ApiType } from '../../runtime/api/app.js';
import type { JourneyDocument, Problem } from '../../schema/index.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

/** The typed client: every path, parameter, body and answer comes from the route definitions in runtime/api. */
export const client = hc<ApiType>('/', {
  init: { credentials: 'same-origin' },
  headers: { accept: 'application/json' },
});

/** The body of a response's success statuses, as the route declares it. */
type SuccessOf<R> = R extends ClientResponse<infer T, infer S> ? (S extends SuccessStatusCode ? T : never) : never;

/** Reads a response: the parsed body on success, an ApiError with the server's code, message and problems otherwise. */
async function read(response: Response | ClientResponse<unknown>): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // A proxy error page or an empty body: report the status below.
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; problems?: Problem[] } } | undefined)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `http.${response.status}`,
      error?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      error?.problems ?? [],
    );
  }
  return data;
}

/** Awaits a typed call and returns its success body, typed by the route's declared answers. */
export async function answer<R extends ClientResponse<unknown>>(pending: Promise<R>): Promise<SuccessOf<R>> {
  return (await read(await pending)) as SuccessOf<R>;
}

/** An untyped call, for a route not yet in the typed client (one registered outside the chain in runtime/api/app.ts). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await read(response)) as T;
}

/**
 * `hc` reads answers as JSON types, which loses the journey document's own type (its FHIR questionnaires do not
 * survive the mapping); the document is JSON already, so its type is restored for the answers that carry a draft.
 */
type DraftTyped<T> = T extends { journey: infer J }
  ? Omit<T, 'journey'> & { journey: Omit<J, 'draft'> & { draft: JourneyDocument } }
  : T;
const draftTyped = <T>(pending: Promise<T>) => pending as Promise<DraftTyped<T>>;

/** `hc` puts path parameters into the URL as they are: encode them, so an id can never change the path. */
const at = (id: string) => encodeURIComponent(id);

export const api = {
  login: (email: string, password: string) => answer(client.api.sessions.$post({ json: { email, password } })),
  logout: async () => {
    await answer(client.api.sessions.$delete());
  },
  currentUser: () => answer(client.api.sessions.current.$get()),
  listJourneys: () => answer(client.api.journeys.$get()),
  createJourney: (name: string, document?: JourneyDocument) =>
    draftTyped(answer(client.api.journeys.$post({ json: { name, document } }))),
  getJourney: (id: string) => draftTyped(answer(client.api.journeys[':id'].$get({ param: { id: at(id) } }))),
  saveDraft: (id: string, document: JourneyDocument, baseRevision?: number) =>
    draftTyped(
      answer(client.api.journeys[':id'].draft.$put({ param: { id: at(id) }, json: { document, baseRevision } })),
    ),
  snapshot: (journeyId: string) => answer(client.api.journeys[':id'].versions.$post({ param: { id: at(journeyId) } })),
  publish: (versionId: string) => answer(client.api.versions[':id'].publish.$post({ param: { id: at(versionId) } })),
  connectors: () => answer(client.api.connectors.$get()),
  createPatient: (patient: { name: string; phone?: string; email?: string; timeZone: string; test?: boolean }) =>
    answer(client.api.patients.$post({ json: patient })),
  enroll: (versionId: string, patientId: string) =>
    answer(client.api.enrollments.$post({ json: { versionId, patientId } })),
  enrollment: (id: string) => answer(client.api.enrollments[':id'].$get({ param: { id: at(id) } })),
  skipWait: (id: string) => answer(client.api.enrollments[':id']['skip-wait'].$post({ param: { id: at(id) } })),
  enrollmentsOfJourney: (journeyId: string) => answer(client.api.enrollments.$get({ query: { journeyId } })),
  inbox: (patientId: string) => answer(client.api.inbox[':patientId'].$get({ param: { patientId: at(patientId) } })),
  reply: (patientId: string, text: string) =>
    answer(client.api.inbox[':patientId'].replies.$post({ param: { patientId: at(patientId) }, json: { text } })),
};

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
