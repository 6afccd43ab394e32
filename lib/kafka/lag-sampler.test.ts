import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LagSnapshot } from '@/lib/domain/groups/group-model';
import type { SnapshotScope } from './groups-snapshot';
import { LagSampler } from './lag-sampler';

const snapshotOf = (scope: SnapshotScope, takenAt: number): LagSnapshot => ({
  takenAt,
  complete: scope === 'all',
  groups: (scope === 'all' ? ['a', 'b'] : scope).map((groupId) => ({
    description: { groupId, state: 'Empty', protocolType: 'consumer', protocol: '', members: [] },
    committed: [{ topic: 't', partition: 0, offset: '1' }],
  })),
  watermarks: { t: [{ partition: 0, low: '0', high: '5' }] },
  watermarkErrors: {},
  durationMs: 1,
});

function fakeSource() {
  const calls: SnapshotScope[] = [];
  let release: (() => void) | null = null;
  let hold = false;
  const snapshot = async (scope: SnapshotScope) => {
    calls.push(scope);
    if (hold) await new Promise<void>((r) => (release = r));
    return snapshotOf(scope, Date.now());
  };
  return { calls, snapshot, holdNext: () => (hold = true), release: () => { hold = false; release?.(); } };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('LagSampler', () => {
  it('starts with the first subscriber, polls the union of scopes once per interval, stops after the last leaves', async () => {
    vi.useFakeTimers();
    const src = fakeSource();
    const sampler = new LagSampler({ intervalMs: 1000, snapshot: src.snapshot });
    expect(sampler.running).toBe(false);
    const got: string[][] = [[], []];
    const offA = sampler.subscribe({ scope: ['a'], onSample: (s) => got[0]!.push([...s.states.keys()].join()) });
    const offB = sampler.subscribe({ scope: ['b', 'a'], onSample: (s) => got[1]!.push([...s.states.keys()].join()) });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2500);
    expect(src.calls).toEqual([['a', 'b'], ['a', 'b'], ['a', 'b']]);
    expect(got[0]).toEqual(['a,b', 'a,b', 'a,b']);
    offA();
    offA();
    expect(sampler.subscriberCount).toBe(1);
    offB();
    expect(sampler.running).toBe(false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(src.calls).toHaveLength(3);
  });

  it('one subscriber asking for every group makes every poll complete', async () => {
    vi.useFakeTimers();
    const src = fakeSource();
    const sampler = new LagSampler({ intervalMs: 1000, snapshot: src.snapshot });
    const off1 = sampler.subscribe({ scope: ['a'], onSample: () => undefined });
    const off2 = sampler.subscribe({ scope: 'all', onSample: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    expect(src.calls).toEqual(['all']);
    off1();
    off2();
  });

  it('current() reuses a fresh reading, joins a poll in flight and polls once for concurrent callers', async () => {
    const src = fakeSource();
    const sampler = new LagSampler({ intervalMs: 60_000, snapshot: src.snapshot });
    src.holdNext();
    const first = sampler.current('all');
    const second = sampler.current(['a']); // covered by the 'all' poll in flight
    await Promise.resolve();
    src.release();
    await Promise.all([first, second]);
    expect(src.calls).toEqual(['all']);
    await sampler.current(['b']);
    await sampler.current('all');
    expect(src.calls).toEqual(['all']);
    await new Promise((r) => setTimeout(r, 5));
    await sampler.current(['a'], 1);
    expect(src.calls).toEqual(['all', ['a']]);
  });

  it('a failed poll reaches current() callers and listeners as a ConsoleError; the next tick tries again', async () => {
    vi.useFakeTimers();
    let fail = true;
    const sampler = new LagSampler({
      intervalMs: 1000,
      snapshot: async (scope) => {
        if (fail) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { name: 'KafkaJSConnectionError' });
        return snapshotOf(scope, Date.now());
      },
    });
    await expect(sampler.current('all')).rejects.toMatchObject({ category: 'unavailable' });
    const errors: string[] = [];
    let samples = 0;
    const off = sampler.subscribe({ scope: 'all', onSample: () => samples++, onError: (e) => errors.push(e.category) });
    await vi.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual(['unavailable']);
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(samples).toBe(1);
    expect(sampler.stats).toMatchObject({ failures: 2, lastError: null });
    off();
  });

  it('a listener that throws does not stop the others', async () => {
    vi.useFakeTimers();
    const src = fakeSource();
    const sampler = new LagSampler({ intervalMs: 1000, snapshot: src.snapshot });
    let ok = 0;
    const offs = [
      sampler.subscribe({ scope: ['a'], onSample: () => { throw new Error('stream closed'); } }),
      sampler.subscribe({ scope: ['a'], onSample: () => ok++ }),
    ];
    await vi.advanceTimersByTimeAsync(1000);
    expect(ok).toBe(2);
    offs.forEach((f) => f());
  });
});
