import { describe, expect, it } from 'vitest';
import { RateLimiter, retryAfterSeconds } from '../../src/rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst of the limit per key, then one request per window / limit, and reports the wait', () => {
    let now = 1_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: () => now });
    expect(limiter.take('a').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    // One token refills every 5 000 ms; 1 000 ms of it have passed since the first request.
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 4_000 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 3_999;
    expect(limiter.take('a').allowed).toBe(false);
    now += 1;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterMs: 5_000 });
  });

  /** Deterministic pseudo-random numbers in [0, 1). */
  function seeded(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  }

  it('lets at most limit + elapsed × limit / window through in any stretch of time, and its Retry-After is exact', () => {
    for (const [limit, windowMs, seed] of [
      [3, 1_000, 1],
      [10, 60_000, 2],
      [120, 60_000, 3],
    ] as const) {
      const random = seeded(seed);
      let now = 0;
      const limiter = new RateLimiter({ limit, windowMs, now: () => now });
      const allowed: number[] = [];
      for (let i = 0; i < 3_000; i++) {
        // Bursts and pauses: mostly short gaps, sometimes most of a window.
        now += random() < 0.9 ? Math.floor(random() * (windowMs / limit)) : Math.floor(random() * windowMs);
        const decision = limiter.take('client');
        if (decision.allowed) {
          allowed.push(now);
          continue;
        }
        const deniedAt = now;
        if (decision.retryAfterMs > 1) {
          now = deniedAt + decision.retryAfterMs - 1;
          expect(limiter.take('client').allowed, `limit ${limit}: 1 ms before Retry-After`).toBe(false);
        }
        now = deniedAt + decision.retryAfterMs;
        expect(limiter.take('client').allowed, `limit ${limit}: at Retry-After`).toBe(true);
        allowed.push(now);
      }
      for (let first = 0; first < allowed.length; first++) {
        for (let last = first; last < allowed.length; last++) {
          const bound = limit + ((allowed[last]! - allowed[first]!) * limit) / windowMs;
          if (last - first + 1 > bound + 1e-6) expect.fail(`limit ${limit}: ${last - first + 1} requests between ${allowed[first]} and ${allowed[last]}`);
        }
      }
    }
  });

  it('never refuses a client that stays within the limit in every window', () => {
    const limit = 5;
    const windowMs = 60_000;
    const random = seeded(7);
    let now = 0;
    const limiter = new RateLimiter({ limit, windowMs, now: () => now });
    const sent: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      now += Math.floor(random() * 20_000);
      // Send only when fewer than `limit` requests went out in the window ending now.
      if (sent.filter((t) => t > now - windowMs).length >= limit) continue;
      expect(limiter.take('polite').allowed, `request at ${now}`).toBe(true);
      sent.push(now);
    }
    expect(sent.length).toBeGreaterThan(500);
  });

  it('keeps one small bucket per client and forgets clients idle for a window', () => {
    let now = 0;
    const limiter = new RateLimiter({ limit: 1_000_000, windowMs: 1_000, now: () => now });
    for (let i = 0; i < 10_000; i++) limiter.take('busy');
    for (let i = 0; i < 5_000; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(5_001);
    now += 1_000;
    // Each request clears a few idle clients, so a steady trickle empties the table without any one request paying.
    for (let i = 0; i < 2_000; i++) limiter.take('busy');
    expect(limiter.size).toBe(1);
  });

  it('rejects nonsensical options', () => {
    expect(() => new RateLimiter({ limit: 0 })).toThrow(/rate-limit: limit/);
    expect(() => new RateLimiter({ windowMs: -1 })).toThrow(/rate-limit: windowMs/);
  });
});

describe('retryAfterSeconds', () => {
  it('rounds up to whole seconds and never says 0', () => {
    expect(retryAfterSeconds(1)).toBe(1);
    expect(retryAfterSeconds(1_000)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
    expect(retryAfterSeconds(59_999)).toBe(60);
    expect(retryAfterSeconds(0)).toBe(1);
  });
});
