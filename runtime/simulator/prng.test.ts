/** The seeded PRNG: repeatable, in range, independent streams, and weighted picks that follow their weights. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pickWeighted, seedOf, streamFor } from './prng.js';

const draw = (random: () => number, n: number) => Array.from({ length: n }, () => random());

describe('prng', () => {
  it('gives the same numbers for the same seed, patient and stream', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(1_000_000), fc.nat(3), (seed, patient, stream) => {
        expect(draw(streamFor(seed, patient, stream), 20)).toEqual(draw(streamFor(seed, patient, stream), 20));
      }),
    );
  });

  it('stays within [0, 1)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.string()), fc.nat(), (seed, patient) => {
        for (const x of draw(streamFor(seed, patient), 200)) expect(x >= 0 && x < 1).toBe(true);
      }),
    );
  });

  it('gives different streams to neighbouring patients, seeds and purposes', () => {
    const first = draw(streamFor(1, 0), 8);
    expect(draw(streamFor(1, 1), 8)).not.toEqual(first);
    expect(draw(streamFor(2, 0), 8)).not.toEqual(first);
    expect(draw(streamFor(1, 0, 1), 8)).not.toEqual(first);
  });

  it('is roughly uniform', () => {
    const xs = draw(streamFor('uniform', 0), 20_000);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    const buckets = Array.from({ length: 10 }, (_, i) => xs.filter((x) => Math.floor(x * 10) === i).length);
    for (const count of buckets) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('reads text seeds and large numbers', () => {
    expect(seedOf('spring')).toBe(seedOf('spring'));
    expect(seedOf('spring')).not.toBe(seedOf('autumn'));
    expect(seedOf(2 ** 40)).not.toBe(seedOf(0));
  });

  it('picks by weight and leaves the remainder to nothing', () => {
    const random = streamFor(7, 0);
    const counts = { a: 0, b: 0, none: 0 };
    for (let i = 0; i < 10_000; i++) {
      const pick = pickWeighted(
        [
          { id: 'a', probability: 0.5 },
          { id: 'b', probability: 0.3 },
        ],
        random,
      );
      counts[(pick?.id ?? 'none') as keyof typeof counts] += 1;
    }
    expect(counts.a).toBeGreaterThan(4700);
    expect(counts.a).toBeLessThan(5300);
    expect(counts.b).toBeGreaterThan(2700);
    expect(counts.none).toBeGreaterThan(1700);
  });
});
