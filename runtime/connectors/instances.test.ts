/** Saved connector instances across a restart and across processes: back in the registry with their secrets; a lost key or a configured id is reported, not fatal. */
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
  return { registry, instances, problems: await instances.sync() };
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

describe('saved connector instances in a deployment of several processes', () => {
  it('reach another process: a new one at its first use, a change and a deletion at its next sync', async () => {
    const here = await start(KEY);
    const there = await start(KEY);
    await here.instances.create('usr_engineer', {
      id: 'pharmacy-sms',
      type: 'twilio-sms',
      name: 'Pharmacy SMS',
      settings: { ...SETTINGS, from: '+15550004444' },
    });
    // The other process's worker sends through it before any scheduled sync: looked for again, found.
    expect(there.registry.get('pharmacy-sms')).toBeUndefined();
    there.registry.refreshWith(() => there.instances.sync());
    expect((await there.registry.find('pharmacy-sms'))?.settings).toMatchObject({ from: '+15550004444' });

    await here.instances.update('usr_engineer', 'pharmacy-sms', {
      settings: { ...SETTINGS, from: '+15550004445', authToken: '' },
    });
    await there.instances.sync();
    expect(there.registry.get('pharmacy-sms')?.settings).toMatchObject({ from: '+15550004445', authToken: TOKEN });

    await here.instances.remove('usr_engineer', 'pharmacy-sms');
    await there.instances.sync();
    expect(there.registry.get('pharmacy-sms')).toBeUndefined();
    expect(await there.registry.find('pharmacy-sms')).toBeUndefined();
    expect(there.registry.get('clinic-sms')).toMatchObject({ source: 'database' });
  });

  it('never take a configured instance out of the registry when the saved one of that id is deleted', async () => {
    const configured = await start(KEY, (registry) =>
      registry.register(BUILT_IN_CONNECTORS['twilio-sms'](), SETTINGS, { id: 'shared-sms', source: 'configuration' }),
    );
    const other = await start(KEY);
    await other.instances.create('usr_engineer', {
      id: 'shared-sms',
      type: 'twilio-sms',
      name: 'Shared SMS',
      settings: SETTINGS,
    });
    await configured.instances.sync();
    await other.instances.remove('usr_engineer', 'shared-sms');
    await configured.instances.sync();
    expect(configured.registry.get('shared-sms')).toMatchObject({ source: 'configuration' });
  });
});
