/** Saved connector instances across a restart: back in the registry with their secrets; a lost key or a configured id is reported, not fatal. */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorRegistry } from '../../connectors/sdk/index.js';
import { openDatabase, type OpenedDatabase } from '../db/client.js';
import { BUILT_IN_CONNECTORS } from '../channels/configured.js';
import { staticKeyProvider, type PayloadKeyProvider } from '../temporal/keys.js';
import { createConnectorInstances } from './instances.js';
import { createSecretBox } from './secret-box.js';

let dir: string;
let database: OpenedDatabase;
const KEY = staticKeyProvider([{ id: 'k1', material: new Uint8Array(randomBytes(32)) }], 'k1');
const TOKEN = 'restart-token-0123456789abcdef';
const SETTINGS = { accountSid: `AC${'b2'.repeat(16)}`, authToken: TOKEN, from: '+15550003333' };

/** A server start: a fresh registry (with what configuration gives it) and the saved instances loaded into it. */
async function start(keys: PayloadKeyProvider, configure: (registry: ConnectorRegistry) => void = () => undefined) {
  const registry = new ConnectorRegistry();
  configure(registry);
  const instances = createConnectorInstances({
    db: database.db,
    registry,
    box: createSecretBox(keys),
    types: BUILT_IN_CONNECTORS,
  });
  return { registry, instances, problems: await instances.loadSaved() };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carepath-connectors-'));
  database = await openDatabase(`file:${join(dir, 'carepath.db')}`);
  const { instances } = await start(KEY);
  await instances.create('usr_engineer', {
    id: 'clinic-sms',
    type: 'twilio-sms',
    name: 'Clinic SMS',
    settings: SETTINGS,
  });
});
afterAll(() => {
  database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('saved connector instances at start', () => {
  it('are registered again with their secrets opened', async () => {
    const { registry, problems } = await start(KEY);
    expect(problems).toEqual([]);
    expect(registry.get('clinic-sms')).toMatchObject({ source: 'database', name: 'Clinic SMS' });
    expect(registry.get('clinic-sms')?.settings).toMatchObject({ authToken: TOKEN, from: '+15550003333' });
  });

  it('without the key, are reported on the screen and left out, and the server still starts', async () => {
    const otherKey = staticKeyProvider([{ id: 'k2', material: new Uint8Array(randomBytes(32)) }], 'k2');
    const { registry, instances, problems } = await start(otherKey);
    expect(problems).toEqual([
      { id: 'clinic-sms', problem: expect.stringMatching(/key "k1", which this server does not have/) },
    ]);
    expect(registry.get('clinic-sms')).toBeUndefined();
    expect((await instances.get('clinic-sms')).problem).toMatch(/CAREPATH_PAYLOAD_KEYS/);
  });

  it('give way to the configuration when both name the same id', async () => {
    const { registry, instances, problems } = await start(KEY, (registry) =>
      registry.register(
        BUILT_IN_CONNECTORS['twilio-sms'](),
        { ...SETTINGS, authToken: 'from-the-environment-000' },
        {
          id: 'clinic-sms',
          source: 'configuration',
        },
      ),
    );
    expect(problems[0].problem).toMatch(/configuration defines a connector with this id/);
    expect(registry.get('clinic-sms')?.settings).toMatchObject({ authToken: 'from-the-environment-000' });
    const listed = await instances.list();
    expect(listed.map((i) => `${i.id}:${i.source}:${i.editable}`)).toEqual([
      'clinic-sms:configuration:false',
      'clinic-sms:database:true',
    ]);
    expect(JSON.stringify(listed)).not.toContain('from-the-environment');
    expect(listed[0].secrets).toEqual({ authToken: 'set' });
  });
});
