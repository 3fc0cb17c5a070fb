/** Login throttling on its own clock: free attempts, growing waits, a lock-out that ends, and a quiet window that forgives. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { LOCK_MINUTES, assertMayTry, recordFailure, throttleKey } from './login-throttle.js';
import { type TooManyRequestsError } from '../errors.js';

let dir: string;
let database: OpenedDatabase;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-throttle-'));
  database = await openDatabase(`file:${join(dir, 'throttle.db')}`);
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

const at = (start: number, seconds: number) => new Date(start + seconds * 1000);

async function refusal(keys: string[], now: Date): Promise<TooManyRequestsError | null> {
  try {
    await assertMayTry(database.db, keys, now);
    return null;
  } catch (error) {
    return error as TooManyRequestsError;
  }
}

describe('login throttle', () => {
  it('waits 2, 4, 8 seconds after three failures, then locks the account for 15 minutes', async () => {
    const keys = [throttleKey('account', 'sam@example.org')];
    const start = Date.parse('2026-03-01T10:00:00Z');
    let t = 0;
    for (let i = 0; i < 3; i++) {
      expect(await recordFailure(database.db, keys, at(start, t))).toBe(false);
      expect(await refusal(keys, at(start, t))).toBeNull();
    }
    const waits: number[] = [];
    for (let i = 0; i < 2; i++) {
      await recordFailure(database.db, keys, at(start, t));
      const refused = await refusal(keys, at(start, t));
      waits.push(refused!.retryAfterSeconds!);
      expect(refused!.code).toBe('login-slowed');
      t += refused!.retryAfterSeconds!;
      expect(await refusal(keys, at(start, t))).toBeNull();
    }
    expect(waits).toEqual([2, 4]);
    expect(await recordFailure(database.db, keys, at(start, t))).toBe(true);
    const locked = await refusal(keys, at(start, t + 60));
    expect(locked).toMatchObject({ code: 'login-locked', retryAfterSeconds: LOCK_MINUTES * 60 - 60 });
    expect(locked!.message).toMatch(/this account is locked for 14 more minute/);
    expect(await refusal(keys, at(start, t + LOCK_MINUTES * 60 + 1))).toBeNull();
  });

  it('forgets failures after a quiet quarter of an hour', async () => {
    const keys = [throttleKey('account', 'kim@example.org')];
    const start = Date.parse('2026-03-01T10:00:00Z');
    for (let i = 0; i < 3; i++) await recordFailure(database.db, keys, at(start, 0));
    await recordFailure(database.db, keys, at(start, 16 * 60));
    expect(await refusal(keys, at(start, 16 * 60))).toBeNull();
  });
});
