/** What a checked-in history exercises, read from its events and decoded payloads: the journey, Updates, assessments, deferrals, hand-overs. */
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { JourneyDocument } from '../../schema/document.js';
import { outsideQuietHours } from '../../runtime/engine/local-time.js';
import { EncryptionCodec } from '../../runtime/temporal/codec.js';
import { testPayloadKeys } from '../support/payload-keys.js';

type History = temporal.api.history.v1.History;

export interface HistoryCoverage {
  workflowId: string;
  /** The journey's name from the workflow input; undefined when the input no longer carries the document. */
  journey?: string;
  /** Names of the Workflow Updates the run accepted (`submitReply`, `recordTaskOutcome`, …). */
  updates: Set<string>;
  /** Names of the signals the run received (`exit`, `event`, …). */
  signals: Set<string>;
  assessmentRecorded: boolean;
  /** The enrollment began in the patient's quiet hours at an outreach step, so its first send was deferred. */
  startedInQuietHours: boolean;
  continuedAsNew: boolean;
  /** A continued run that loaded its definition by version (`definitionByReference`) instead of carrying it. */
  loadedByReference: boolean;
}

const codec = new EncryptionCodec(testPayloadKeys);

/** Decodes with the test key; plain payloads from before encryption pass through the codec unchanged. */
export async function decoded(payloads: temporal.api.common.v1.IPayload[] | null | undefined): Promise<unknown[]> {
  const opened = await codec.decode((payloads ?? []) as Payload[]);
  return opened.map((payload) => defaultPayloadConverter.fromPayload(payload));
}

interface StartInput {
  definition?: Partial<JourneyDocument>;
  definitionByReference?: boolean;
  timeZone?: string;
}

function startsInQuietHours(input: StartInput, startedAt: number): boolean {
  const definition = input.definition;
  if (!definition?.start) return false;
  const first = definition.steps?.[definition.start];
  const quietHours = definition?.settings?.quietHours;
  if (!first || first.type !== 'message' || !quietHours?.channels.includes(first.channel as never)) return false;
  const setting = definition.settings?.timeZone;
  const zone = setting?.source === 'fixed' ? setting.zone : (input.timeZone ?? setting?.fallback);
  return zone !== undefined && outsideQuietHours(startedAt, zone, quietHours) > startedAt;
}

export async function historyCoverage(workflowId: string, history: History): Promise<HistoryCoverage> {
  const coverage: HistoryCoverage = {
    workflowId,
    updates: new Set(),
    signals: new Set(),
    assessmentRecorded: false,
    startedInQuietHours: false,
    continuedAsNew: false,
    loadedByReference: false,
  };
  for (const event of history.events ?? []) {
    const started = event.workflowExecutionStartedEventAttributes;
    if (started) {
      const [input] = (await decoded(started.input?.payloads)) as [StartInput | undefined];
      coverage.journey = input?.definition?.name;
      coverage.loadedByReference = input?.definitionByReference === true;
      // A run that continues an enrollment began long before this history: only a first run can start at night.
      const startedAt = Number(event.eventTime?.seconds ?? 0) * 1000;
      coverage.startedInQuietHours =
        !started.continuedExecutionRunId && !!input && startsInQuietHours(input, startedAt);
    }
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name;
    if (accepted) coverage.updates.add(accepted);
    const signal = event.workflowExecutionSignaledEventAttributes?.signalName;
    if (signal) coverage.signals.add(signal);
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled?.activityType?.name === 'recordJourneyCommand') {
      const [record] = (await decoded(scheduled.input?.payloads)) as [{ command?: { type?: string } }];
      if (record?.command?.type === 'record-assessment') coverage.assessmentRecorded = true;
    }
    if (event.workflowExecutionContinuedAsNewEventAttributes) coverage.continuedAsNew = true;
  }
  return coverage;
}
