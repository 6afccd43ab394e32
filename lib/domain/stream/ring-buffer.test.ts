import { describe, expect, it } from 'vitest';
import { RingBuffer } from './ring-buffer';

describe('RingBuffer', () => {
  it('keeps the newest items up to capacity and returns what it pushes out', () => {
    const r = new RingBuffer<number>(3);
    expect([r.push(1), r.push(2), r.push(3), r.push(4), r.push(5)]).toEqual([undefined, undefined, undefined, 1, 2]);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect([r.size, r.peekOldest(), r.peekNewest(), r.at(1), r.at(-2), r.at(3)]).toEqual([3, 3, 5, 4, 4, undefined]);
  });

  it('shifts oldest first and wraps around', () => {
    const r = new RingBuffer<string>(2);
    r.push('a');
    r.push('b');
    expect(r.shift()).toBe('a');
    r.push('c');
    expect(r.toArray()).toEqual(['b', 'c']);
    expect([r.shift(), r.shift(), r.shift()]).toEqual(['b', 'c', undefined]);
    expect(r.size).toBe(0);
  });

  it('clears', () => {
    const r = new RingBuffer<number>(2);
    r.push(1);
    r.clear();
    expect([r.size, r.toArray()]).toEqual([0, []]);
  });

  it.each([0, -1, 1.5])('refuses capacity %d', (capacity) => expect(() => new RingBuffer(capacity)).toThrow('at least 1'));
});
