/** Options for {@link RateLimiter}. */
export interface RateLimitOptions {
  /** Requests allowed per key within one window. */
  limit: number;
  /** Window length in milliseconds. */
  windowMs: number;
  /** Clock, injectable for tests. */
  now?: () => number;
}

export const defaultRateLimitOptions: Readonly<Required<Omit<RateLimitOptions, 'now'>>> = {
  limit: 5,
  windowMs: 60_000,
};

/** Result of {@link RateLimiter.take}. */
export interface RateLimitDecision {
  allowed: boolean;
  /** When not allowed: milliseconds until the next request would be allowed. */
  retryAfterMs: number;
}

/**
 * Whole seconds to tell a rate-limited user to wait, rounded up and never 0 (every platform shows seconds).
 *
 * @example
 * retryAfterSeconds(1_200) // => 2
 */
export function retryAfterSeconds(retryAfterMs: number): number {
  return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/**
 * Sliding-window rate limiter keyed by user. Memory is bounded by pruning keys whose window has passed.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 2, windowMs: 1000 });
 * limiter.take('U1').allowed; // true
 * limiter.take('U1').allowed; // true
 * limiter.take('U1').allowed; // false
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private lastPrune = 0;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.limit = options.limit ?? defaultRateLimitOptions.limit;
    this.windowMs = options.windowMs ?? defaultRateLimitOptions.windowMs;
    this.now = options.now ?? Date.now;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new Error(`rate-limit: limit must be a positive integer, got ${this.limit}`);
    if (!(this.windowMs > 0)) throw new Error(`rate-limit: windowMs must be positive, got ${this.windowMs}`);
  }

  /** Records a request for `key` if it is within the limit. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    this.prune(now);
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: this.windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.hits.set(key, recent);
    return { allowed: true, retryAfterMs: 0 };
  }

  private prune(now: number): void {
    if (now - this.lastPrune < this.windowMs) return;
    this.lastPrune = now;
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
  }
}
