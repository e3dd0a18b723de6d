import { describe, expect, it } from 'vitest';
import { nextEpoch } from '../../src/search/epoch.js';

describe('nextEpoch', () => {
  it('counts rounds without touching the marks', () => {
    const marks = new Uint32Array([5, 0, 7]);
    expect(nextEpoch(0, [marks])).toBe(1);
    expect(nextEpoch(41, [marks])).toBe(42);
    expect([...marks]).toEqual([5, 0, 7]);
  });

  it('zeroes every mark and starts again at 1 before the numbers leave the marks’ range', () => {
    const a = new Uint32Array([0xffffffee, 3]);
    const b = new Uint32Array([0xffffffef]);
    let epoch = 0xffffffee;
    epoch = nextEpoch(epoch, [a, b]);
    expect(epoch).toBe(0xffffffef);
    expect(a[0]).toBe(0xffffffee);
    epoch = nextEpoch(epoch, [a, b]);
    expect(epoch).toBe(1);
    expect([...a, ...b]).toEqual([0, 0, 0]);
    // No mark of an earlier round equals the new round's number.
    expect([...a, ...b]).not.toContain(epoch);
  });
});
