/** The designer's calls to the Carepath HTTP API; one function per route, errors surfaced as ApiError with the server's message. */
import type { JourneyDocument, Problem } from '../../schema/index.js';
import type { Connector, Enrollment, InboxMessage, Journey, JourneySummary, Patient, User, Version } from './types.js';

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

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers:
      body === undefined
        ? { accept: 'application/json' }
        : { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
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
  return data as T;
}

export const api = {
  login: (email: string, password: string) => request<{ user: User }>('POST', '/sessions', { email, password }),
  logout: () => request<void>('DELETE', '/sessions'),
  currentUser: () => request<{ user: User }>('GET', '/sessions/current'),
  listJourneys: () => request<{ journeys: JourneySummary[] }>('GET', '/journeys'),
  createJourney: (name: string, document?: JourneyDocument) =>
    request<{ journey: Journey }>('POST', '/journeys', { name, document }),
  getJourney: (id: string) => request<{ journey: Journey }>('GET', `/journeys/${encodeURIComponent(id)}`),
  saveDraft: (id: string, document: JourneyDocument) =>
    request<{ journey: Journey }>('PUT', `/journeys/${encodeURIComponent(id)}/draft`, { document }),
  snapshot: (journeyId: string) =>
    request<{ version: Version }>('POST', `/journeys/${encodeURIComponent(journeyId)}/versions`),
  publish: (versionId: string) =>
    request<{ version: Version }>('POST', `/versions/${encodeURIComponent(versionId)}/publish`),
  connectors: () => request<{ connectors: Connector[] }>('GET', '/connectors'),
  createPatient: (patient: { name: string; phone?: string; email?: string; timeZone: string }) =>
    request<{ patient: Patient }>('POST', '/patients', patient),
  enroll: (versionId: string, patientId: string) =>
    request<{ enrollment: Enrollment; alreadyEnrolled?: boolean }>('POST', '/enrollments', { versionId, patientId }),
  enrollment: (id: string) => request<{ enrollment: Enrollment }>('GET', `/enrollments/${encodeURIComponent(id)}`),
  enrollmentsOfJourney: (journeyId: string) =>
    request<{ enrollments: Enrollment[] }>('GET', `/enrollments?journeyId=${encodeURIComponent(journeyId)}`),
  inbox: (patientId: string) =>
    request<{ patient: Patient; messages: InboxMessage[] }>('GET', `/inbox/${encodeURIComponent(patientId)}`),
  reply: (patientId: string, text: string) =>
    request<{ message: InboxMessage; enrollmentId: string }>(
      'POST',
      `/inbox/${encodeURIComponent(patientId)}/replies`,
      { text },
    ),
};

/** A message fit to show a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
