/** Checked-in workflow histories: the replay test runs today's workflow code over them, so a change that breaks running enrollments fails CI. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Client, WorkflowHandle } from '@temporalio/client';
import proto, { type temporal } from '@temporalio/proto';

/**
 * Stored with protobufjs' own `toObject`/`fromObject`, not `@temporalio/common`'s `historyToJSON`: with the
 * current npm layout two copies of protobufjs 8 are installed and `historyToJSON`/`historyFromJSON` throw
 * "type must be a Type". The files are still plain JSON (enums by name, 64-bit numbers as strings).
 */
const History = proto.temporal.api.history.v1.History;
type History = temporal.api.history.v1.History;
const asJson = { longs: String, enums: String, bytes: String } as const;

export const historiesDir = fileURLToPath(new URL('./histories/', import.meta.url));

/**
 * `CAREPATH_RECORD_HISTORIES=1 node runtime/setup/bootstrap.mjs test test/integration/example-histories.test.ts`
 * writes the histories of today's code. Any other value is a label added to the file names, for recording the new
 * paths after an interpreter change beside the old ones (see runtime/temporal/INTERPRETER-CHANGES.md).
 */
const recording = process.env.CAREPATH_RECORD_HISTORIES;
export const recordingHistories = recording !== undefined && recording !== '' && recording !== '0';
const label = recordingHistories && recording !== '1' ? `.${recording}` : '';

/**
 * Writes a history unless one of that name is checked in: histories are append-only, since a history re-recorded by
 * the changed code would no longer prove that enrollments started by the old code still replay.
 */
function writeHistory(name: string, history: unknown): void {
  const file = `${historiesDir}${name}${label}.json`;
  if (existsSync(file)) return;
  const { events } = History.toObject(History.fromObject(history as object), asJson);
  mkdirSync(historiesDir, { recursive: true });
  // One event a line: compact, and a diff shows which events changed.
  writeFileSync(file, `{"events": [\n${((events ?? []) as unknown[]).map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
}

export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (recordingHistories) writeHistory(name, await handle.fetchHistory());
}

/** Records an enrollment that continued as new: its first run (ending in the hand-over) and its last run. */
export async function recordRuns(name: string, client: Client, workflowId: string, firstRunId: string): Promise<void> {
  if (!recordingHistories) return;
  const runs: unknown[] = [];
  for (let runId: string | undefined = firstRunId; runId;) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runs.push(history);
    runId = history.events?.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  if (runs.length === 1) return writeHistory(name, runs[0]);
  writeHistory(`${name}.run-1`, runs[0]);
  writeHistory(`${name}.run-${runs.length}`, runs.at(-1));
}

export function checkedInHistories(): Array<{ workflowId: string; history: History }> {
  let files: string[];
  try {
    files = readdirSync(historiesDir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => ({
    workflowId: file.replace(/\.json$/, ''),
    history: History.fromObject(JSON.parse(readFileSync(`${historiesDir}${file}`, 'utf8'))),
  }));
}
