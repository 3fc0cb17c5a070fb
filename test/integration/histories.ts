/** Checked-in workflow histories: the replay test runs today's workflow code over them, so a change that breaks running enrollments fails CI. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WorkflowHandle } from '@temporalio/client';
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

/** `CAREPATH_RECORD_HISTORIES=1 npx vitest run test/integration` rewrites the checked-in histories from live runs. */
export const recordingHistories = process.env.CAREPATH_RECORD_HISTORIES === '1';

export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (!recordingHistories) return;
  const history = History.toObject(History.fromObject(await handle.fetchHistory()), asJson);
  mkdirSync(historiesDir, { recursive: true });
  writeFileSync(`${historiesDir}${name}.json`, JSON.stringify(history, null, 1) + '\n');
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
