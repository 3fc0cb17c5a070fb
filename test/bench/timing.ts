/** Timing helpers for the benchmarks: CPU time, measured in interleaved rounds after a warm-up, medians reported. Benchmarks only, never tests. */

/**
 * Mean CPU milliseconds (user + system, every thread of this process: WebCrypto digests run off the main thread) per
 * call of `fn` over `runs` calls. CPU time rather than wall time, because the benchmark machine is shared and a busy
 * neighbour stretches wall time, not the work done. Only asynchronous calls are awaited.
 */
export async function meanMs(fn: () => unknown, runs: number): Promise<number> {
  const began = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  const used = process.cpuUsage(began);
  return (used.user + used.system) / 1000 / runs;
}

/**
 * Median per-call milliseconds of each candidate. The candidates take turns round by round, so a neighbour's load on a
 * shared machine falls on all of them alike instead of on whichever ran at the wrong moment; a warm-up round goes first.
 */
export async function compareMs(candidates: (() => unknown)[], runs: number, rounds = 7): Promise<number[]> {
  for (const fn of candidates) await meanMs(fn, Math.ceil(runs / 4));
  const samples: number[][] = candidates.map(() => []);
  for (let round = 0; round < rounds; round++)
    for (const [i, fn] of candidates.entries()) samples[i].push(await meanMs(fn, runs));
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

/** `12.3 µs` or `4.56 ms`, whichever reads better. */
export function formatMs(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}
