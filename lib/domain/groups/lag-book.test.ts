import { describe, expect, it } from 'vitest';
import type { GroupOffsets, LagSnapshot } from './group-model';
import { LagBook } from './lag-book';

const T0 = Date.UTC(2025, 0, 1);

const group = (groupId: string, committed: (number | null)[], members = 0, extra: Partial<GroupOffsets> = {}): GroupOffsets => ({
  description: {
    groupId,
    state: members ? 'Stable' : 'Empty',
    protocolType: 'consumer',
    protocol: '',
    members: Array.from({ length: members }, (_, i) => ({ memberId: `m${i}`, clientId: 'c', host: '/127.0.0.1', assignment: [{ topic: 'orders', partitions: [0, 1] }] })),
  },
  committed: committed.flatMap((c, partition) => (c === null ? [] : [{ topic: 'orders', partition, offset: String(c) }])),
  ...extra,
});

const snapshot = (i: number, groups: GroupOffsets[], high: number[], complete = true): LagSnapshot => ({
  takenAt: T0 + i * 5000,
  complete,
  groups,
  watermarks: { orders: high.map((h, partition) => ({ partition, low: '0', high: String(h) })) },
  watermarkErrors: {},
  durationMs: 1,
});

describe('LagBook', () => {
  it('evaluates each poll, keeps a bounded chart series and includes assigned partitions without commits', () => {
    const book = new LagBook({ samplesPerPartition: 5, seriesCapacity: 3 });
    for (let i = 0; i < 5; i++) book.record(snapshot(i, [group('billing', [100, null], 1)], [110 + i * 10, 50]));
    const state = book.state('billing')!;
    expect(state.evaluation.totalLag).toBe('50');
    expect(state.evaluation.unknownPartitions).toBe(1);
    // Offsets frozen at 100 while the end grows, with a member present: Burrow's STALL.
    expect(state.evaluation.status).toBe('STALL');
    expect(book.points('billing')).toEqual([
      { t: T0 + 10_000, lag: 30 },
      { t: T0 + 15_000, lag: 40 },
      { t: T0 + 20_000, lag: 50 },
    ]);
    expect(book.history.window('billing', 'orders', 0)).toHaveLength(5);
  });

  it('a complete snapshot forgets deleted groups; a partial one does not', () => {
    const book = new LagBook();
    book.record(snapshot(0, [group('a', [1]), group('b', [1])], [5]));
    book.record(snapshot(1, [group('a', [2])], [5], false));
    expect(book.groupIds().sort()).toEqual(['a', 'b']);
    book.record(snapshot(2, [group('a', [3])], [5], true));
    expect(book.groupIds()).toEqual(['a']);
    expect(book.points('b')).toEqual([]);
    expect(book.history.groupIds()).toEqual(['a']);
  });

  it('does not keep groups Kafka reports as Dead (deleted or never created)', () => {
    const book = new LagBook();
    book.record(snapshot(0, [group('a', [1])], [5], false));
    const dead = group('a', []);
    book.record(snapshot(1, [{ ...dead, description: { ...dead.description, state: 'Dead' } }], [5], false));
    expect(book.state('a')).toBeUndefined();
    expect(book.history.groupIds()).toEqual([]);
  });

  it('keeps the last window when a group’s offsets cannot be read, and says why', () => {
    const book = new LagBook();
    book.record(snapshot(0, [group('a', [1])], [5]));
    book.record(snapshot(1, [group('a', [], 0, { error: 'coordinator not available' })], [6]));
    const s = book.summaries()[0]!;
    expect(s).toMatchObject({ groupId: 'a', totalLag: '4', error: 'coordinator not available' });
    expect(book.points('a')).toHaveLength(1);
  });

  it('summarizes topics, members and status for the list', () => {
    const book = new LagBook();
    book.record(snapshot(0, [group('a', [5, 5], 2)], [5, 9]));
    expect(book.summaries()).toEqual([
      expect.objectContaining({ groupId: 'a', memberCount: 2, topics: ['orders'], totalLag: '4', partitions: 2, status: 'OK', statusComplete: false }),
    ]);
  });
});
