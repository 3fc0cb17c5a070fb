import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseKeyList } from './keys.js';
import { configuredPayloadKeys, LOCAL_KEYS_FILE } from './keys-local.js';

const base64Key = (fill: number) => Buffer.alloc(32, fill).toString('base64');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('payload keys', () => {
  it('reads a key list from the environment; the last key is current unless one is named', async () => {
    const list = `2026-01:${base64Key(1)}, 2026-07:${base64Key(2)}`;
    expect((await parseKeyList(list).current()).id).toBe('2026-07');
    const named = parseKeyList(list, '2026-01');
    expect((await named.current()).id).toBe('2026-01');
    expect((await named.find('2026-07'))?.material).toEqual(new Uint8Array(32).fill(2));
    expect(await named.find('1999-01')).toBeUndefined();
  });

  it('says what is wrong with a bad key list', () => {
    expect(() => parseKeyList('just-a-key')).toThrow(/entry 1 is not "id:base64-key"/);
    expect(() => parseKeyList(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/"k1" has 16 bytes.*32/);
    expect(() => parseKeyList(`k1:${base64Key(1)}`, 'k9')).toThrow(/current payload key "k9" is not among/);
    expect(() => parseKeyList(`k1:${base64Key(1)},k1:${base64Key(2)}`)).toThrow(/listed twice/);
  });

  it('without configured keys generates one local key once, readable only by its owner', async () => {
    const dir = tempDir();
    const first = await configuredPayloadKeys({}, dir).current();
    const again = await configuredPayloadKeys({}, dir).current();
    expect(again).toEqual(first);
    expect(first.material).toHaveLength(32);
    expect(statSync(join(dir, LOCAL_KEYS_FILE)).mode & 0o777).toBe(0o600);
  });

  it('prefers configured keys over the local file', async () => {
    const key = await configuredPayloadKeys({ keys: `prod-1:${base64Key(7)}` }, tempDir()).current();
    expect(key.id).toBe('prod-1');
  });
});
