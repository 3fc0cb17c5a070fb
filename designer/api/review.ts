/** The designer's calls to the Review API (runtime/api/README.md, "Review API"): queue, submit, signatures, comments, publish. */
import type { JourneyDocument, Problem } from '../../schema/index.js';
import { ApiError } from './client.js';
import type { Version } from './types.js';

export type Discipline = 'medical' | 'legal' | 'regulatory';
export const DISCIPLINES: Discipline[] = ['medical', 'legal', 'regulatory'];

export type ReviewStatus =
  'snapshot' | 'submitted' | 'changes-requested' | 'approved' | 'published' | 'paused' | 'superseded' | 'retired';

export interface Person {
  id: string;
  name: string;
}

export interface Signature {
  id: string;
  versionId: string;
  userId: string;
  printedName: string;
  discipline: Discipline;
  decision: 'approve' | 'reject';
  meaning: string;
  reason?: string;
  contentHash: string;
  signedAt: string;
}

/** A version as the review lifecycle describes it. */
export interface ReviewedVersion extends Version {
  submittedAt?: string;
  submittedBy?: string;
  approvedAt?: string;
  supersededAt?: string;
  requiredDisciplines?: Discipline[];
  editors?: Person[];
  signatures?: Signature[];
  changesRequested?: { reason: string; by: Person; discipline: Discipline; at: string };
}

export interface QueuedVersion extends ReviewedVersion {
  journeyName: string;
  awaiting: Discipline[];
}

export interface Comment {
  id: string;
  versionId: string;
  stepId: string | null;
  parentId: string | null;
  body: string;
  author: Person;
  createdAt: string;
  resolvedAt?: string;
  resolvedBy?: Person;
}

export interface SignatureInput {
  password: string;
  discipline: Discipline;
  decision: 'approve' | 'reject';
  meaning: string;
  reason?: string;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page): the status below says what happened.
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

const at = (id: string) => encodeURIComponent(id);

export const reviewApi = {
  queue: () => call<{ versions: QueuedVersion[] }>('GET', '/reviews/queue'),
  version: (id: string) =>
    call<{ version: ReviewedVersion & { document: JourneyDocument } }>('GET', `/versions/${at(id)}`),
  journeyVersions: (journeyId: string) =>
    call<{ journey: { id: string; name: string; versions: ReviewedVersion[] } }>('GET', `/journeys/${at(journeyId)}`),
  submit: (versionId: string) => call<{ version: ReviewedVersion }>('POST', `/versions/${at(versionId)}/submit`),
  publish: (versionId: string) => call<{ version: ReviewedVersion }>('POST', `/versions/${at(versionId)}/publish`),
  sign: (versionId: string, input: SignatureInput) =>
    call<{ signature: Signature; version: ReviewedVersion }>('POST', `/versions/${at(versionId)}/signatures`, input),
  comments: (versionId: string) => call<{ comments: Comment[] }>('GET', `/versions/${at(versionId)}/comments`),
  comment: (versionId: string, body: string, stepId?: string) =>
    call<{ comment: Comment }>('POST', `/versions/${at(versionId)}/comments`, { body, ...(stepId ? { stepId } : {}) }),
  reply: (commentId: string, body: string) =>
    call<{ comment: Comment }>('POST', `/comments/${at(commentId)}/replies`, { body }),
  resolve: (commentId: string) => call<{ comment: Comment }>('POST', `/comments/${at(commentId)}/resolve`),
};
