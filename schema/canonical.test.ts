import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, contentHashScheme, verifyContentHash } from './canonical.js';
import { legacyCanonicalJson } from './canonical-legacy.js';
import type { JourneyDocument } from './document.js';
import { sha256Hex } from './sha256.js';
import { validateJourney } from './validate.js';

const example = (name: string): JourneyDocument =>
  validateJourney(
    JSON.parse(readFileSync(new URL(`../examples/journeys/${name}.journey.json`, import.meta.url), 'utf8')),
  ).document!;

describe('canonicalJson follows RFC 8785', () => {
  it('writes numbers in their shortest ECMAScript form (RFC 8785 appendix B)', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [-0, '0'],
      [5e-324, '5e-324'],
      [-5e-324, '-5e-324'],
      [1.7976931348623157e308, '1.7976931348623157e+308'],
      [9007199254740992, '9007199254740992'],
      [-9007199254740992, '-9007199254740992'],
      [295147905179352830000, '295147905179352830000'],
      [1e21, '1e+21'],
      [1e20, '100000000000000000000'],
      [9.999999999999997e22, '9.999999999999997e+22'],
      [0.000001, '0.000001'],
      [1e-7, '1e-7'],
      [333333333.3333333, '333333333.3333333'],
      [4.5, '4.5'],
    ];
    for (const [value, text] of cases) expect(canonicalJson(value)).toBe(text);
  });

  it('reproduces the RFC 8785 section 3.2.2 example byte for byte', () => {
    const input = String.raw`{
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    }`;
    expect(canonicalJson(JSON.parse(input))).toBe(
      String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`,
    );
  });

  it('sorts keys by UTF-16 code units, so an emoji sorts before U+FB33 (RFC 8785 section 3.2.3)', () => {
    const input = String.raw`{
      "\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"
    }`;
    // Read the order from the text: a parsed object would list the integer-like key "1" first whatever the text says.
    const values = [...canonicalJson(JSON.parse(input)).matchAll(/:"([^"]*)"/g)].map((match) => match[1]);
    expect(values).toEqual([
      'Carriage Return',
      'One',
      'Control',
      'Latin Small Letter O With Diaeresis',
      'Euro Sign',
      'Emoji: Grinning Face',
      'Hebrew Letter Dalet With Dagesh',
    ]);
  });

  it('keeps unicode text as it is (no normalisation, no escaping beyond JSON) and refuses lone surrogates', () => {
    expect(canonicalJson({ name: 'Zoë', decomposed: 'Zoe\u0308', tab: '\t' })).toBe(
      '{"decomposed":"Zoe\u0308","name":"Zoë","tab":"\\t"}',
    );
    expect(() => canonicalJson({ broken: '\ud800' })).toThrow(/surrogate/i);
  });

  it('drops undefined members, writes undefined array items as null, and refuses what JSON cannot hold', () => {
    expect(canonicalJson({ b: undefined, a: [1, undefined] })).toBe('{"a":[1,null]}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow();
    expect(() => canonicalJson({ n: Number.POSITIVE_INFINITY })).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(/undefined/);
  });
});

describe('sha256Hex', () => {
  it('gives the FIPS 180-2 digests of "abc" and of UTF-8 text', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('\u20ac')).toBe('c4cc90ed3d26f12d4b08a75140970a7904035c31cbb4515a83f19b9003c00d1d');
  });
});

describe('contentHash', () => {
  it('names its scheme, ignores layout and key order, and changes with content', async () => {
    const a = example('first-dose-check-in');
    const moved = { ...a, layout: { steps: { welcome: { x: 999, y: 1 } } } } as JourneyDocument;
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as JourneyDocument;
    const edited = {
      ...a,
      steps: { ...a.steps, welcome: { ...a.steps.welcome, template: 'Hello' } },
    } as JourneyDocument;
    const hash = await contentHash(a);
    expect(hash).toMatch(/^jcs-sha256:[0-9a-f]{64}$/);
    expect(await contentHash(moved)).toBe(hash);
    expect(await contentHash(reordered)).toBe(hash);
    expect(await contentHash(edited)).not.toBe(hash);
  });

  it('is SHA-256 over the RFC 8785 text of the document without its layout', async () => {
    const a = example('pharmacy-refill');
    const { layout: _layout, ...content } = a;
    expect(await contentHash(a)).toBe(`jcs-sha256:${await sha256Hex(canonicalJson(content))}`);
  });
});

describe('verifyContentHash', () => {
  /** `sha256:` hashes made by the first, home-made canonical form; approvals bound to them must keep verifying. */
  const legacyHashes: Record<string, string> = {
    'decliner-re-engagement': 'sha256:d88b85d945d961d4940546ea6eb31da9043d49f731bdc73395ab7bb780698370',
    'first-dose-check-in': 'sha256:28f1b0b1155aa8de84a4a8dde8b4b319880561e3154c3b47a9711d2d97e9e3d0',
    'pharmacy-refill': 'sha256:8ac6d5ec4d7403cb27a8bf752a8e502cff89af58d735aa8391ed867c971b2981',
    'phq-9-check-in': 'sha256:2f696f8b7058ab857eb0c6f0f7a461adfa84dfa913bdab1ff948e6f17eee0f40',
    'self-injection-onboarding': 'sha256:a7de7f1461162eaa56cc7036b1a6638a7d7a3b82f4b0914fbb9ff17a2a82237c',
  };

  it.each(Object.entries(legacyHashes))('still verifies the legacy hash of %s', async (name, hash) => {
    const document = example(name);
    expect(contentHashScheme(hash)).toBe('sha256');
    expect(await verifyContentHash(document, hash)).toBe(true);
    expect(await verifyContentHash(document, await contentHash(document))).toBe(true);
  });

  it('verifies a legacy hash with the legacy canonical form, not the current one', async () => {
    const document = example('first-dose-check-in');
    const { layout: _layout, ...content } = document;
    expect(await contentHash(document, 'sha256')).toBe(`sha256:${await sha256Hex(legacyCanonicalJson(content))}`);
  });

  it('ignores a layout change and refuses a content change under either scheme', async () => {
    const a = example('phq-9-check-in');
    const moved = { ...a, layout: { steps: {} } } as JourneyDocument;
    const renamed = { ...a, name: a.name + ' (edited)' };
    for (const hash of [legacyHashes['phq-9-check-in'], await contentHash(a)]) {
      expect(await verifyContentHash(moved, hash)).toBe(true);
      expect(await verifyContentHash(renamed, hash)).toBe(false);
    }
  });

  it('refuses hashes of an unknown scheme or shape', async () => {
    const a = example('first-dose-check-in');
    const hex = (await contentHash(a)).split(':')[1];
    for (const hash of [`md5:${hex}`, hex, `jcs-sha256:${hex.toUpperCase()}`, `jcs-sha256:${hex}0`, 'sha256:test', ''])
      expect(await verifyContentHash(a, hash)).toBe(false);
    expect(contentHashScheme('toString:' + hex)).toBeUndefined();
  });
});
