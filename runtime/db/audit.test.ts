/** The audit trail against tampering: edits, deletions anywhere (the newest rows too) and rewrites without the key are all caught. */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenedDatabase } from './client.js';
import { appendAudit, sealLegacyAuditTrail, verifyAudit } from './audit.js';
import { loadAuditKey, openAuditKey, useAuditKey } from './audit-key.js';
import { GENESIS, headMac, keyedRowHash, legacyRowHash } from './audit-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'carepath-audit-'));
const key = loadAuditKey(join(dir, 'keys'));
useAuditKey(key);
let database: OpenedDatabase;
let n = 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  database?.close();
  database = await openDatabase(`file:${join(dir, `audit-${++n}.db`)}`);
});

async function appendRows(count: number) {
  for (let i = 1; i <= count; i++)
    await database.db.transaction((tx) =>
      appendAudit(tx, {
        actor: 'usr_1',
        action: 'journey.draft-saved',
        entityType: 'journey',
        entityId: 'jrn_1',
        data: { i },
      }),
    );
}

const sql = (text: string, args: (string | number | null)[] = []) => database.client.execute({ sql: text, args });

type Row = { seq: number; at: string; actor: string; action: string; entity_type: string; entity_id: string };
async function rows(): Promise<(Row & { data: string })[]> {
  return (await sql('SELECT * FROM audit_trail ORDER BY seq')).rows as unknown as (Row & { data: string })[];
}
const content = (row: Row & { data: string }) => ({
  at: row.at,
  actor: row.actor,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  data: JSON.parse(row.data),
});

describe('the keyed audit chain', () => {
  it('verifies an untouched trail and counts its rows', async () => {
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 0 });
    await appendRows(5);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 5 });
  });

  it('names an edited row', async () => {
    await appendRows(5);
    await sql(`UPDATE audit_trail SET data = '{"i":99}' WHERE seq = 3`);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/changed/),
    });
  });

  it('names the row after a deleted one in the middle', async () => {
    await appendRows(5);
    await sql('DELETE FROM audit_trail WHERE seq = 2');
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/deleted/),
    });
  });

  it('notices the newest rows deleted, through the signed head', async () => {
    await appendRows(5);
    await sql('DELETE FROM audit_trail WHERE seq >= 4');
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/deleted from the end/),
    });
  });

  it('notices the newest rows deleted together with the head, even after later appends', async () => {
    await appendRows(5);
    await sql('DELETE FROM audit_trail WHERE seq >= 4');
    await sql('DELETE FROM audit_head');
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, reason: 'the signed head record is missing' });
    await appendRows(1);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/head record was removed/),
    });
  });

  it('notices a whole chain rewritten with recomputed plain hashes', async () => {
    await appendRows(4);
    let prev = GENESIS;
    for (const row of await rows()) {
      const forged = { ...content(row), data: { i: 0 } };
      const hash = legacyRowHash(prev, forged);
      await sql('UPDATE audit_trail SET data = ?, prev_hash = ?, hash = ? WHERE seq = ?', [
        '{"i":0}',
        prev,
        hash,
        row.seq,
      ]);
      prev = hash;
    }
    await sql('UPDATE audit_head SET hash = ?', [prev]);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/not signed with the audit key/),
    });
  });

  it('notices a whole chain and head rewritten with another key', async () => {
    await appendRows(4);
    const otherKey = Buffer.alloc(32, 7);
    let prev = GENESIS;
    for (const row of await rows()) {
      const hash = keyedRowHash(otherKey, row.seq, prev, content(row));
      await sql('UPDATE audit_trail SET prev_hash = ?, hash = ? WHERE seq = ?', [prev, hash, row.seq]);
      prev = hash;
    }
    const head = { seq: 4, hash: prev, legacyUntil: 0, lostBefore: null };
    await sql('UPDATE audit_head SET hash = ?, mac = ?', [prev, headMac(otherKey, head)]);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 1,
      reason: expect.stringMatching(/audit key/),
    });
  });

  it('notices a forged head that hides deleted rows', async () => {
    await appendRows(5);
    const [fourth] = (await rows()).filter((r) => r.seq === 4) as unknown as { hash: string }[];
    await sql('DELETE FROM audit_trail WHERE seq = 5');
    await sql('UPDATE audit_head SET seq = 4, hash = ?', [fourth.hash]);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/head record was changed/),
    });
  });
});

describe('rows from before the keyed chain', () => {
  async function writeLegacyRows(count: number) {
    let prev = GENESIS;
    for (let i = 1; i <= count; i++) {
      const row = {
        at: `2026-01-0${i}T00:00:00.000Z`,
        actor: 'usr_1',
        action: 'journey.created',
        entityType: 'journey',
        entityId: `jrn_${i}`,
        data: null,
      };
      const hash = legacyRowHash(prev, row);
      await sql(
        'INSERT INTO audit_trail (at, actor, action, entity_type, entity_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
        [row.at, row.actor, row.action, row.entityType, row.entityId, prev, hash],
      );
      prev = hash;
    }
  }

  it('still verify once sealed on purpose and appended to, and edits to them are caught', async () => {
    await writeLegacyRows(3);
    expect(await sealLegacyAuditTrail(database.db, key)).toEqual({ legacyUntil: 3, rows: 3 });
    await appendRows(2);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 6 });
    const sealing = (await rows())[3];
    expect(sealing).toMatchObject({ seq: 4, actor: 'system', action: 'audit.legacy-sealed' });
    expect(JSON.parse(sealing.data)).toEqual({ legacyUntil: 3, rows: 3 });
    await sql(`UPDATE audit_trail SET actor = 'someone-else' WHERE seq = 2`);
    expect(await verifyAudit(database.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('are never sealed by an append on its own: the head deleted and the trail rewritten unkeyed stays caught', async () => {
    await appendRows(3);
    await sql('DELETE FROM audit_head');
    await sql('DELETE FROM audit_trail');
    await sql(`DELETE FROM sqlite_sequence WHERE name = 'audit_trail'`);
    await writeLegacyRows(3);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringMatching(/^the signed head record is missing: .*seal-legacy/),
    });
    await appendRows(2);
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 4,
      reason: expect.stringMatching(/head record was removed/),
    });
    // …and the sealing cannot be asked for afterwards either: the append wrote a head recording the loss.
    await expect(sealLegacyAuditTrail(database.db, key)).rejects.toThrow(/already has a signed head/);
  });

  it('are sealed only when there is no head and no keyed row', async () => {
    await expect(sealLegacyAuditTrail(database.db, key)).rejects.toThrow(/empty/);
    await writeLegacyRows(2);
    await sealLegacyAuditTrail(database.db, key);
    await expect(sealLegacyAuditTrail(database.db, key)).rejects.toThrow(/already has a signed head/);
    expect(await verifyAudit(database.db)).toEqual({ ok: true, rows: 3 });

    database.close();
    database = await openDatabase(`file:${join(dir, `audit-${++n}.db`)}`);
    await writeLegacyRows(2);
    await appendRows(1);
    await sql('DELETE FROM audit_head');
    await expect(sealLegacyAuditTrail(database.db, key)).rejects.toThrow(/row 3 is signed with the audit key/);
    expect(await sealLegacyAuditTrail(database.db, key).catch((e: Error) => e.message)).toMatch(/^cannot seal/);
    expect(await rows()).toHaveLength(3);
  });

  it('cannot be extended with unkeyed rows after the keyed chain began', async () => {
    await writeLegacyRows(2);
    await sealLegacyAuditTrail(database.db, key);
    await appendRows(1);
    const [last] = (await rows()).slice(-1) as unknown as { hash: string }[];
    const row = { at: '2026-02-01T00:00:00.000Z', actor: 'x', action: 'x', entityType: 'x', entityId: 'x', data: null };
    await sql(
      'INSERT INTO audit_trail (at, actor, action, entity_type, entity_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
      [row.at, row.actor, row.action, row.entityType, row.entityId, last.hash, legacyRowHash(last.hash, row)],
    );
    expect(await verifyAudit(database.db)).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: expect.stringMatching(/unkeyed/),
    });
  });
});

describe('the audit key', () => {
  it('is generated once under the data folder, readable only by its owner', () => {
    const keys = join(dir, 'fresh');
    const first = loadAuditKey(keys);
    expect(first.length).toBe(32);
    expect(statSync(join(keys, 'audit.key')).mode & 0o777).toBe(0o600);
    expect(loadAuditKey(keys).equals(first)).toBe(true);
  });

  it('says whether it was generated by this very call', () => {
    const keys = join(dir, 'first-start');
    const first = openAuditKey(keys);
    expect(first.created).toBe(true);
    expect(openAuditKey(keys)).toEqual({ key: first.key, created: false });
    expect(openAuditKey(keys, 'k'.repeat(40)).created).toBe(false);
  });

  it('comes from the environment when set, and must be long enough', () => {
    expect(loadAuditKey(join(dir, 'unused'), 'k'.repeat(40)).toString()).toBe('k'.repeat(40));
    expect(() => loadAuditKey(join(dir, 'unused'), 'short')).toThrow(/at least 32/);
  });
});
