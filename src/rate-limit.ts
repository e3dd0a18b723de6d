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

/** Per key: the tokens left and when they were counted. */
interface Bucket {
  tokens: number;
  updated: number;
}

/** Idle keys removed per request at most, so no single request pays for a large cleanup. */
const PRUNE_PER_TAKE = 4;

// Refills accumulate in floating point; a bucket this close to a whole token counts as having it.
const EPSILON = 1e-9;

/**
 * Token-bucket rate limiter keyed by user (or client address): each key holds up to `limit` tokens, refilled
 * continuously at `limit` per `windowMs`, and each request takes one. A client can send `limit` requests at once and
 * then `limit` per window; one that never sends more than `limit` within any `windowMs` is never refused, and none
 * gets more than `limit + elapsed × limit / windowMs` through in any stretch of time. Time per request and memory per
 * key are constant whatever the limit, and a key idle for a whole window (its bucket full again) is dropped, so memory
 * is bounded by the number of clients seen within the last window.
 *
 * @example
 * const limiter = new RateLimiter({ limit: 2, windowMs: 1000 });
 * limiter.take('U1').allowed; // true
 * limiter.take('U1').allowed; // true
 * limiter.take('U1');         // { allowed: false, retryAfterMs: 500 }
 */
export class RateLimiter {
  /** Ordered by last use (a key is re-inserted on every request), so the longest idle come first. */
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.limit = options.limit ?? defaultRateLimitOptions.limit;
    this.windowMs = options.windowMs ?? defaultRateLimitOptions.windowMs;
    this.now = options.now ?? Date.now;
    if (!Number.isInteger(this.limit) || this.limit < 1) throw new Error(`rate-limit: limit must be a positive integer, got ${this.limit}`);
    if (!(this.windowMs > 0)) throw new Error(`rate-limit: windowMs must be positive, got ${this.windowMs}`);
  }

  /** Number of keys held, for tests and monitoring. */
  get size(): number {
    return this.buckets.size;
  }

  /** Records a request for `key` if it is within the limit. */
  take(key: string): RateLimitDecision {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.limit, updated: now };
    } else {
      this.buckets.delete(key);
      // A clock that went backwards refills nothing.
      if (now > bucket.updated) {
        bucket.tokens = Math.min(this.limit, bucket.tokens + ((now - bucket.updated) * this.limit) / this.windowMs);
        bucket.updated = now;
      }
    }
    this.buckets.set(key, bucket);
    this.prune(now);

    if (bucket.tokens >= 1 - EPSILON) {
      bucket.tokens = Math.max(0, bucket.tokens - 1);
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.max(1, Math.ceil(((1 - bucket.tokens) * this.windowMs) / this.limit - EPSILON)) };
  }

  /** Drops keys idle for a whole window (their buckets are full again, as good as new), longest idle first. */
  private prune(now: number): void {
    let removed = 0;
    for (const [key, bucket] of this.buckets) {
      if (removed >= PRUNE_PER_TAKE || now - bucket.updated < this.windowMs) return;
      this.buckets.delete(key);
      removed += 1;
    }
  }
}
