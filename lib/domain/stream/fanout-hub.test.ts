import { describe, expect, it } from 'vitest';
import { FanoutHub } from './fanout-hub';

describe('FanoutHub', () => {
  it('gives every viewer its own copy at its own pace', () => {
    const hub = new FanoutHub<number>({ maxItemsPerViewer: 3 });
    hub.subscribe('fast', 0);
    hub.subscribe('slow', 0);
    hub.publish([1, 2]);
    expect(hub.drain('fast', 10, 1)).toEqual({ items: [1, 2], dropped: 0 });
    expect(hub.publish([3, 4, 5])).toEqual({ queued: 6, dropped: 2 });
    expect(hub.drain('fast', 10, 2)).toEqual({ items: [3, 4, 5], dropped: 0 });
    expect(hub.drain('slow', 10, 2)).toEqual({ items: [3, 4, 5], dropped: 2 });
  });

  it('applies each viewer filter before queueing', () => {
    const hub = new FanoutHub<number>({ maxItemsPerViewer: 2 });
    hub.subscribe('even', 0, (n) => n % 2 === 0);
    hub.subscribe('all', 0);
    hub.publish([1, 2, 3, 4]);
    expect(hub.drain('even', 10, 0)).toEqual({ items: [2, 4], dropped: 0 });
    expect(hub.drain('all', 10, 0)).toEqual({ items: [3, 4], dropped: 2 });
  });

  it('keeps a slow viewer within its byte budget while the stream runs', () => {
    const hub = new FanoutHub<string>({ maxItemsPerViewer: 10_000, maxBytesPerViewer: 1_000, sizeOf: (s) => s.length });
    hub.subscribe('asleep', 0);
    for (let i = 0; i < 1_000; i++) hub.publish(['x'.repeat(100)]);
    expect(hub.stats()).toEqual([{ viewerId: 'asleep', queued: 10, bytes: 1_000, dropped: 990, lastDrainAt: 0 }]);
  });

  it('evicts viewers that stopped draining, and forgets them', () => {
    const hub = new FanoutHub<number>({ maxItemsPerViewer: 5, idleTimeoutMs: 30_000 });
    hub.subscribe('a', 0);
    hub.subscribe('b', 0);
    hub.drain('a', 1, 25_000);
    expect(hub.evictIdle(40_000)).toEqual(['b']);
    expect(hub.drain('b', 1, 40_000)).toBeUndefined();
    expect(hub.viewerCount).toBe(1);
    expect(hub.unsubscribe('a')).toBe(0);
    expect(new FanoutHub<number>({ maxItemsPerViewer: 1 }).evictIdle(1e12)).toEqual([]);
  });

  it('refuses a second subscription under the same id', () => {
    const hub = new FanoutHub<number>({ maxItemsPerViewer: 1 });
    hub.subscribe('a', 0);
    expect(() => hub.subscribe('a', 0)).toThrow('Viewer "a" is already subscribed.');
  });
});

describe('FanoutHub.queuedFor', () => {
  it('tells how many items wait for one viewer', async () => {
    const { FanoutHub } = await import('./fanout-hub');
    const hub = new FanoutHub<number>({ maxItemsPerViewer: 3 });
    hub.subscribe('a', 0);
    hub.publish([1, 2, 3, 4]);
    expect(hub.queuedFor('a')).toBe(3);
    hub.drain('a', 2, 1);
    expect(hub.queuedFor('a')).toBe(1);
    expect(hub.queuedFor('nobody')).toBeUndefined();
  });
});
