import { describe, expect, it } from 'vitest';
import { ViewerQueue } from './viewer-queue';

describe('ViewerQueue', () => {
  it('drops the oldest items when full and counts them', () => {
    const q = new ViewerQueue<number>({ maxItems: 3 });
    expect([1, 2, 3, 4, 5].map((n) => q.push(n))).toEqual([0, 0, 0, 1, 1]);
    expect([q.size, q.dropped]).toEqual([3, 2]);
    expect(q.drain(2)).toEqual([3, 4]);
    expect(q.drain()).toEqual([5]);
    expect(q.drain()).toEqual([]);
  });

  it('reports drops once through takeDropped, and keeps the total', () => {
    const q = new ViewerQueue<number>({ maxItems: 1 });
    q.push(1);
    q.push(2);
    q.push(3);
    expect([q.takeDropped(), q.takeDropped(), q.dropped]).toEqual([2, 0, 2]);
  });

  it('bounds bytes as well as items', () => {
    const q = new ViewerQueue<string>({ maxItems: 100, maxBytes: 10, sizeOf: (s) => s.length });
    q.push('aaaa');
    q.push('bbbb');
    expect(q.push('cccc')).toBe(1);
    expect([q.bytes, q.size]).toEqual([8, 2]);
    expect(q.push('dddddddd')).toBe(2);
    expect(q.drain()).toEqual(['dddddddd']);
    expect(q.bytes).toBe(0);
  });

  it('keeps a single item larger than the byte budget', () => {
    const q = new ViewerQueue<string>({ maxItems: 5, maxBytes: 3, sizeOf: (s) => s.length });
    q.push('a');
    expect(q.push('huge value')).toBe(1);
    expect(q.drain()).toEqual(['huge value']);
  });

  it('holds a fixed amount however much is pushed (a slow viewer)', () => {
    const q = new ViewerQueue<number>({ maxItems: 1000, maxBytes: 64_000, sizeOf: () => 100 });
    for (let i = 0; i < 100_000; i++) q.push(i);
    expect([q.size, q.bytes, q.dropped]).toEqual([640, 64_000, 100_000 - 640]);
    expect(q.drain(1)).toEqual([100_000 - 640]);
  });

  it('clears', () => {
    const q = new ViewerQueue<number>({ maxItems: 3, sizeOf: () => 1 });
    q.push(1);
    q.clear();
    expect([q.size, q.bytes]).toEqual([0, 0]);
  });
});

describe('ViewerQueue of batches', () => {
  const queue = (maxItems: number, maxBytes?: number) => new ViewerQueue<number[]>({ maxItems, maxBytes, recordsOf: (b) => b.length, sizeOf: (b) => b.length * 10 });

  it('bounds and counts records, dropping the oldest batches whole', () => {
    const q = queue(5);
    expect(q.push([1, 2])).toBe(0);
    expect(q.push([3, 4])).toBe(0);
    expect(q.push([5, 6])).toBe(2);
    expect([q.size, q.entries, q.bytes, q.dropped]).toEqual([4, 2, 40, 2]);
    expect(q.drain()).toEqual([
      [3, 4],
      [5, 6],
    ]);
    expect([q.size, q.bytes]).toEqual([0, 0]);
  });

  it('bounds bytes in batches too, and keeps one batch larger than both bounds alone', () => {
    const q = queue(100, 50);
    q.push([1, 2]);
    q.push([3, 4]);
    expect(q.push([5, 6])).toBe(2);
    expect(q.push(Array.from({ length: 200 }, (_, i) => i))).toBe(4);
    expect([q.size, q.entries, q.dropped]).toEqual([200, 1, 6]);
  });

  it('drains whole batches up to a record budget, at least one', () => {
    const q = queue(100);
    q.push([1, 2, 3]);
    q.push([4]);
    q.push([5, 6]);
    expect(q.drain(2)).toEqual([[1, 2, 3]]);
    expect(q.drain(3)).toEqual([[4], [5, 6]]);
  });
});
