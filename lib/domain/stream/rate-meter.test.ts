import { describe, expect, it } from 'vitest';
import { RateMeter } from './rate-meter';

describe('RateMeter', () => {
  it('is 0 before anything is recorded', () => {
    expect(new RateMeter().rate(5_000)).toBe(0);
  });

  it('measures a steady stream', () => {
    const m = new RateMeter({ windowMs: 10_000, buckets: 10 });
    for (let t = 0; t < 30_000; t += 10) m.record(1, t); // 100 per second
    expect(m.rate(29_999)).toBeCloseTo(100, 0);
    expect(m.count(29_999)).toBe(1_000);
  });

  it('does not read low right after the start', () => {
    const m = new RateMeter({ windowMs: 10_000, buckets: 10 });
    for (let t = 0; t < 2_000; t += 10) m.record(1, t);
    expect(m.rate(1_999)).toBeCloseTo(100, 0);
  });

  it('falls to 0 once the window has passed', () => {
    const m = new RateMeter({ windowMs: 10_000, buckets: 10 });
    m.record(500, 0);
    expect(m.rate(500)).toBe(500);
    expect(m.rate(5_000)).toBe(100);
    expect(m.rate(10_500)).toBe(0);
  });

  it('ignores readings older than the window', () => {
    const m = new RateMeter({ windowMs: 1_000, buckets: 2 });
    m.record(10, 5_000);
    m.record(99, 1_000);
    expect(m.count(5_000)).toBe(10);
  });

  it('refuses a bad shape', () => {
    expect(() => new RateMeter({ windowMs: 0 })).toThrow('positive window');
    expect(() => new RateMeter({ buckets: 0 })).toThrow('at least one bucket');
  });
});
