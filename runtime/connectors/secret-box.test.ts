/** Connector secrets at rest: a round trip, nothing readable in what is stored, bound to its instance, and keys that rotate. */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { staticKeyProvider } from '../temporal/keys.js';
import { createSecretBox } from './secret-box.js';

const key = (id: string) => ({ id, material: new Uint8Array(randomBytes(32)) });

describe('the connector secret box', () => {
  const first = key('k1');
  const box = createSecretBox(staticKeyProvider([first], 'k1'));
  const secrets = { authToken: 'tok-0123456789abcdef-secret' };

  it('opens what it sealed, and what it stores holds nothing readable', async () => {
    const sealed = await box.seal('clinic-sms', secrets);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed).not.toContain('tok-0123456789abcdef');
    expect(Buffer.from(sealed.sealed.slice(3), 'base64url').toString('latin1')).not.toContain('0123456789abcdef');
    expect(await box.open('clinic-sms', sealed)).toEqual(secrets);
    // Fresh IV each time: the same secrets never seal to the same text.
    expect((await box.seal('clinic-sms', secrets)).sealed).not.toBe(sealed.sealed);
  });

  it('refuses secrets copied onto another instance, or altered', async () => {
    const sealed = await box.seal('clinic-sms', secrets);
    await expect(box.open('other-sms', sealed)).rejects.toThrow(/altered or copied from another instance/);
    const flipped = sealed.sealed.slice(0, -2) + (sealed.sealed.endsWith('AA') ? 'AB' : 'AA');
    await expect(box.open('clinic-sms', { ...sealed, sealed: flipped })).rejects.toThrow(/failed authentication/);
  });

  it('seals new secrets with the current key and still opens those under an older one', async () => {
    const old = await box.seal('clinic-sms', secrets);
    const rotated = createSecretBox(staticKeyProvider([first, key('k2')], 'k2'));
    expect(await rotated.open('clinic-sms', old)).toEqual(secrets);
    expect((await rotated.seal('clinic-sms', secrets)).keyId).toBe('k2');
  });

  it('says which key is missing when the server lacks it', async () => {
    const sealed = await box.seal('clinic-sms', secrets);
    const elsewhere = createSecretBox(staticKeyProvider([key('k9')], 'k9'));
    await expect(elsewhere.open('clinic-sms', sealed)).rejects.toThrow(/key "k1", which this server does not have/);
  });
});
