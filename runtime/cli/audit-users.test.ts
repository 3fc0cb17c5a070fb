/** `carepath users add` and `carepath audit verify` as an operator runs them: real processes on the server's database settings. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { describe, expect, it } from 'vitest';
import { root, scratchDir } from './run-cli.test-support.js';
import { GENESIS, legacyRowHash } from '../db/audit-hash.js';

const dataDir = scratchDir('carepath-cli-audit-');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  CAREPATH_DATA_DIR: dataDir,
  DATABASE_URL: `file:${join(dataDir, 'carepath.db')}`,
};
delete env.CAREPATH_AUDIT_KEY;

function carepath(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [join(root, 'runtime/cli/carepath.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input: options.input ?? '',
    env: options.env ?? env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('carepath users add', () => {
  it('creates a reviewer with the password from standard input', () => {
    const result = carepath(
      [
        'users',
        'add',
        '--email',
        'Mia@Example.org',
        '--name',
        'Mia Medical',
        '--role',
        'compliance-reviewer',
        '--discipline',
        'medical',
      ],
      { input: 'a long password\n' },
    );
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^created mia@example\.org: compliance-reviewer \(reviews for medical\)/),
    });
  });

  it('refuses a taken email and a reviewer without a discipline with exit 1 and the reason', () => {
    const args = ['users', 'add', '--email', 'mia@example.org', '--name', 'Again', '--role', 'engineer'];
    expect(carepath(args, { input: 'a long password' })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('already exists'),
    });
    const noDiscipline = [
      'users',
      'add',
      '--email',
      'rex@example.org',
      '--name',
      'Rex',
      '--role',
      'compliance-reviewer',
    ];
    expect(carepath(noDiscipline, { input: 'a long password' })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('needs a discipline'),
    });
    expect(carepath(['users', 'add', '--name', 'No Email', '--role', 'engineer'])).toMatchObject({ code: 2 });
  });
});

describe('carepath audit verify', () => {
  it('exits 0 with the row count on an intact trail', () => {
    expect(carepath(['audit', 'verify'])).toMatchObject({ code: 0, stdout: 'audit trail intact: 1 row verified\n' });
  });

  it('exits 1 naming the first bad row once a row is edited, and with another key', async () => {
    const otherKey = carepath(['audit', 'verify'], { env: { ...env, CAREPATH_AUDIT_KEY: 'x'.repeat(40) } });
    expect(otherKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/^audit trail broken at row 1: /) });
    const client = createClient({ url: env.DATABASE_URL! });
    await client.execute(`UPDATE audit_trail SET data = '{"email":"someone@else.org"}' WHERE seq = 1`);
    client.close();
    const edited = carepath(['audit', 'verify']);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toMatch(/^audit trail broken at row 1: the row was changed after it was written/);
  });

  it('refuses to seal-legacy a trail that already has a signed head (exit 1)', () => {
    expect(carepath(['audit', 'seal-legacy'])).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/cannot seal .*already has a signed head/),
    });
  });

  it('exits 2 for a subcommand it does not know', () => {
    expect(carepath(['audit', 'repair'])).toMatchObject({ code: 2, stderr: expect.stringContaining('verify') });
  });
});

describe('carepath audit seal-legacy', () => {
  it('seals a trail from before the keyed chain once, with CAREPATH_AUDIT_KEY set', async () => {
    const legacyDir = scratchDir('carepath-cli-legacy-');
    const legacyEnv = {
      ...env,
      CAREPATH_DATA_DIR: legacyDir,
      DATABASE_URL: `file:${join(legacyDir, 'carepath.db')}`,
      CAREPATH_AUDIT_KEY: 'k'.repeat(40),
    };
    // Opening it creates the tables; an empty trail verifies and has nothing to seal.
    expect(carepath(['audit', 'verify'], { env: legacyEnv })).toMatchObject({ code: 0 });
    expect(carepath(['audit', 'seal-legacy'], { env: legacyEnv })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('empty'),
    });
    const client = createClient({ url: legacyEnv.DATABASE_URL });
    const row = {
      at: '2026-01-01T00:00:00.000Z',
      actor: 'usr_1',
      action: 'x',
      entityType: 'x',
      entityId: 'x',
      data: null,
    };
    await client.execute({
      sql: 'INSERT INTO audit_trail (at, actor, action, entity_type, entity_id, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)',
      args: [row.at, row.actor, row.action, row.entityType, row.entityId, GENESIS, legacyRowHash(GENESIS, row)],
    });
    client.close();
    expect(carepath(['audit', 'verify'], { env: legacyEnv })).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('seal-legacy'),
    });
    expect(carepath(['audit', 'seal-legacy'], { env: legacyEnv })).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^audit trail sealed: rows 1-1 /),
    });
    expect(carepath(['audit', 'verify'], { env: legacyEnv })).toMatchObject({
      code: 0,
      stdout: 'audit trail intact: 2 rows verified\n',
    });
    expect(carepath(['audit', 'seal-legacy'], { env: legacyEnv })).toMatchObject({ code: 1 });
  });
});
