/** A small seeded PRNG (sfc32) for the simulator: the same seed always gives the same cohort, one independent stream per patient. */

/** A source of numbers in [0, 1), the shape the engine's `random` parameter takes. */
export type Random = () => number;

/** Murmur3's finaliser: spreads every input bit over the output, so nearby seeds and indices give unrelated streams. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32: 128 bits of state, passes PractRand well beyond what a simulation draws, and is a few integer operations per number. */
export function sfc32(a: number, b: number, c: number, d: number): Random {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A seed from a number or any text (e.g. `--seed spring-cohort`), reduced to 32 bits. */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'number' && Number.isFinite(seed)) return mix32(Math.trunc(seed) ^ Math.trunc(seed / 4294967296));
  let h = 0x811c9dc5;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193);
  return mix32(h);
}

/**
 * The stream for one patient and purpose: derived only from (seed, patient index, stream number), never from
 * how many numbers other patients drew, so patient 17's path is the same in a cohort of 20 or of 20,000.
 */
export function streamFor(seed: number | string, patientIndex: number, stream = 0): Random {
  const s = seedOf(seed);
  const a = mix32(s ^ 0x9e3779b9);
  const b = mix32((patientIndex + 0x632be5ab) ^ s);
  const c = mix32(Math.imul(stream + 1, 0x85ebca6b) ^ a);
  const d = mix32(a ^ b ^ c ^ 0x27d4eb2f);
  const next = sfc32(a, b, c, d);
  // The first outputs of sfc32 still echo the seed words; discard them.
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** Picks one of `choices` by their `probability`; when they sum to less than 1 the remainder picks nothing. */
export function pickWeighted<T extends { probability: number }>(choices: readonly T[], random: Random): T | undefined {
  let roll = random();
  for (const choice of choices) {
    if (roll < choice.probability) return choice;
    roll -= choice.probability;
  }
  return undefined;
}
