/** Shapes of the Carepath HTTP API's answers, as runtime/api/README.md describes them. */
import type { JourneyDocument, Problem } from '../../schema/index.js';
import type { EnrollmentState } from '../../runtime/engine/types.js';

export interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
}

/** The review lifecycle (runtime/api/README.md, "Review API"): only an approved version publishes. */
export type VersionStatus =
  'snapshot' | 'submitted' | 'changes-requested' | 'approved' | 'published' | 'paused' | 'superseded' | 'retired';

export interface Version {
  id: string;
  journeyId: string;
  number: number;
  status: VersionStatus;
  contentHash: string;
  createdAt: string;
  createdBy: string;
  publishedAt?: string;
}

export interface JourneySummary {
  id: string;
  name: string;
  updatedAt: string;
  latestVersion: Pick<Version, 'id' | 'number' | 'status'> | null;
}

export interface Journey {
  id: string;
  name: string;
  draft: JourneyDocument;
  draftUpdatedAt: string;
  problems: Problem[];
  versions: Version[];
}

export interface Patient {
  id: string;
  name: string;
  phone?: string;
  email?: string;
  timeZone: string;
  attributes: Record<string, unknown>;
}

export type EnrollmentStatus = 'running' | 'completed' | 'exited' | 'failed';

export interface Enrollment {
  id: string;
  journeyId: string;
  versionId: string;
  patientId: string;
  patientName: string;
  workflowId: string;
  status: EnrollmentStatus;
  startedAt: string;
  endedAt?: string;
  state?: EnrollmentState | null;
}

export interface InboxMessage {
  id: string;
  direction: 'outbound' | 'inbound';
  body: string;
  subject?: string;
  channel: string;
  createdAt: string;
}

export interface Connector {
  id: string;
  name: string;
  channels: string[];
  settingsSchema?: unknown;
}
