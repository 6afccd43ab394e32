import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher';

describe('Batcher', () => {
  it('closes a batch at maxItems', () => {
    const b = new Batcher<number>({ maxItems: 3, maxWaitMs: 100 });
    expect([b.add(1, 0), b.add(2, 1), b.add(3, 2), b.add(4, 3)]).toEqual([[], [], [[1, 2, 3]], []]);
    expect(b.size).toBe(1);
  });

  it('closes a batch when its oldest item has waited maxWaitMs', () => {
    const b = new Batcher<string>({ maxItems: 100, maxWaitMs: 100 });
    expect(b.dueAt()).toBeNull();
    expect(b.poll(1_000)).toBeNull();
    b.add('a', 1_000);
    b.add('b', 1_050);
    expect(b.dueAt()).toBe(1_100);
    expect(b.poll(1_099)).toBeNull();
    expect(b.poll(1_100)).toEqual(['a', 'b']);
    expect(b.dueAt()).toBeNull();
  });

  it('closes a batch before an item would push it past maxBytes', () => {
    const b = new Batcher<string>({ maxItems: 100, maxWaitMs: 100, maxBytes: 10, sizeOf: (s) => s.length });
    expect(b.add('aaaa', 0)).toEqual([]);
    expect(b.add('bbbb', 0)).toEqual([]);
    expect(b.add('cccc', 0)).toEqual([['aaaa', 'bbbb']]);
    expect(b.add('x'.repeat(20), 0)).toEqual([['cccc'], ['x'.repeat(20)]]);
  });

  it('flushes what is pending', () => {
    const b = new Batcher<number>({ maxItems: 10, maxWaitMs: 100 });
    expect(b.flush()).toEqual([]);
    b.add(1, 0);
    expect(b.flush()).toEqual([1]);
    expect(b.size).toBe(0);
  });

  it('needs room for one item', () => {
    expect(() => new Batcher({ maxItems: 0, maxWaitMs: 1 })).toThrow('at least 1 item');
  });
});
