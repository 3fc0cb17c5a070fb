/** Waiting in integration tests for something another process does (a worker, Temporal, a provider fake). */

/** Polls `probe` until it answers something truthy, which it returns, or fails after `timeoutMs` naming what it waited for. */
export async function eventually<T>(
  probe: () => Promise<T | undefined | false | null>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
