import { describe, expect, it } from 'vitest';
import { RateLimiter, retryAfterSeconds } from '../../src/rate-limit.js';

describe('RateLimiter', () => {
  it('allows up to the limit per key within the window, then reports the wait', () => {
    let now = 1_000;
    const limiter = new RateLimiter({ limit: 2, windowMs: 10_000, now: () => now });
    expect(limiter.take('a').allowed).toBe(true);
    now += 1_000;
    expect(limiter.take('a').allowed).toBe(true);
    const denied = limiter.take('a');
    expect(denied).toEqual({ allowed: false, retryAfterMs: 9_000 });
    expect(limiter.take('b').allowed).toBe(true);
    now += 9_000;
    expect(limiter.take('a').allowed).toBe(true);
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
