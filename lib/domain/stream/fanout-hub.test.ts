import { describe, expect, it } from 'vitest';
import { FanoutHub } from './fanout-hub';

/** Batches of records (numbers), as the tail publishes them. */
const batches = (options: { maxItemsPerViewer: number; maxBytesPerViewer?: number; idleTimeoutMs?: number }) =>
  new FanoutHub<readonly number[]>({ ...options, recordsOf: (b) => b.length, sizeOf: (b) => b.length * 100 });

describe('FanoutHub', () => {
  it('queues the very batch published for every viewer that sees the whole stream', () => {
    const hub = batches({ maxItemsPerViewer: 10 });
    hub.subscribe('a', 0);
    hub.subscribe('b', 0);
    const published = [1, 2, 3];
    expect(hub.publish(published)).toEqual({ queued: 2, dropped: 0 });
    const [a, b] = [hub.drain('a', 100, 1)!, hub.drain('b', 100, 1)!];
    expect(a.batches[0]).toBe(published);
    expect(b.batches[0]).toBe(published);
  });

  it('gives every viewer its own queue at its own pace; a slow one loses its oldest batches whole, counted in records', () => {
    const hub = batches({ maxItemsPerViewer: 4 });
    hub.subscribe('fast', 0);
    hub.subscribe('slow', 0);
    hub.publish([1, 2]);
    expect(hub.drain('fast', 10, 1)).toEqual({ batches: [[1, 2]], dropped: 0 });
    expect(hub.publish([3, 4, 5])).toEqual({ queued: 2, dropped: 2 });
    expect(hub.drain('fast', 10, 2)).toEqual({ batches: [[3, 4, 5]], dropped: 0 });
    expect(hub.drain('slow', 10, 2)).toEqual({ batches: [[3, 4, 5]], dropped: 2 });
  });

  it("applies each viewer's selection before queueing: its own copy, or nothing", () => {
    const hub = batches({ maxItemsPerViewer: 3 });
    hub.subscribe('even', 0, (b) => {
      const even = b.filter((n) => n % 2 === 0);
      return even.length ? even : null;
    });
    hub.subscribe('all', 0);
    expect(hub.publish([1, 3])).toEqual({ queued: 1, dropped: 0 });
    hub.publish([2, 4, 5]);
    expect(hub.drain('even', 10, 0)).toEqual({ batches: [[2, 4]], dropped: 0 });
    expect(hub.drain('all', 10, 0)).toEqual({ batches: [[2, 4, 5]], dropped: 2 });
  });

  it('drains at most maxRecords, but always one batch however large', () => {
    const hub = batches({ maxItemsPerViewer: 100 });
    hub.subscribe('a', 0);
    hub.publish([1, 2, 3]);
    hub.publish([4, 5]);
    hub.publish([6]);
    expect(hub.drain('a', 2, 0)!.batches).toEqual([[1, 2, 3]]);
    expect(hub.drain('a', 3, 0)!.batches).toEqual([[4, 5], [6]]);
    expect(hub.drain('a', 3, 0)!.batches).toEqual([]);
  });

  it('keeps a slow viewer within its byte budget while the stream runs', () => {
    const hub = batches({ maxItemsPerViewer: 10_000, maxBytesPerViewer: 1_000 });
    hub.subscribe('asleep', 0);
    for (let i = 0; i < 1_000; i++) hub.publish([i]);
    expect(hub.stats()).toEqual([{ viewerId: 'asleep', queued: 10, bytes: 1_000, dropped: 990, lastDrainAt: 0 }]);
  });

  it('evicts viewers that stopped draining, and forgets them', () => {
    const hub = batches({ maxItemsPerViewer: 5, idleTimeoutMs: 30_000 });
    hub.subscribe('a', 0);
    hub.subscribe('b', 0);
    hub.drain('a', 1, 25_000);
    expect(hub.evictIdle(40_000)).toEqual(['b']);
    expect(hub.drain('b', 1, 40_000)).toBeUndefined();
    expect(hub.viewerCount).toBe(1);
    expect(hub.unsubscribe('a')).toBe(0);
    expect(batches({ maxItemsPerViewer: 1 }).evictIdle(1e12)).toEqual([]);
  });

  it('refuses a second subscription under the same id', () => {
    const hub = batches({ maxItemsPerViewer: 1 });
    hub.subscribe('a', 0);
    expect(() => hub.subscribe('a', 0)).toThrow('Viewer "a" is already subscribed.');
  });

  it('tells how many records wait for one viewer', () => {
    const hub = batches({ maxItemsPerViewer: 4 });
    hub.subscribe('a', 0);
    hub.publish([1, 2]);
    hub.publish([3, 4, 5]);
    expect(hub.queuedFor('a')).toBe(3);
    hub.publish([6]);
    expect(hub.queuedFor('a')).toBe(4);
    hub.drain('a', 3, 1);
    expect(hub.queuedFor('a')).toBe(1);
    expect(hub.queuedFor('nobody')).toBeUndefined();
  });

  it('counts one record per published unit when batches are not counted', () => {
    const hub = new FanoutHub<string>({ maxItemsPerViewer: 2 });
    hub.subscribe('a', 0);
    hub.publish('x');
    hub.publish('y');
    expect(hub.publish('z')).toEqual({ queued: 1, dropped: 1 });
    expect(hub.drain('a', 10, 0)).toEqual({ batches: ['y', 'z'], dropped: 1 });
  });
});
