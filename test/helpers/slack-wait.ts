/** Options for {@link waitFor}. */
export interface WaitForOptions {
  timeoutMs: number;
  intervalMs: number;
  /** Extra detail for the timeout error, e.g. what was recorded so far. */
  describe?: () => string;
}

export const defaultWaitForOptions: Readonly<WaitForOptions> = { timeoutMs: 5000, intervalMs: 10 };

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, instead of sleeping a fixed time.
 *
 * @example
 * const post = await waitFor(() => fake.callsTo('chat.postMessage')[0]);
 */
export async function waitFor<T>(probe: () => T | undefined | false, options: Partial<WaitForOptions> = {}): Promise<T> {
  const opts = { ...defaultWaitForOptions, ...options };
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) {
      throw new Error(`slack test: condition not met within ${opts.timeoutMs} ms${opts.describe ? ` (${opts.describe()})` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, opts.intervalMs));
  }
}
