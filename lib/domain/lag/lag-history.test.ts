import { describe, expect, it } from 'vitest';
import { LagHistory } from './lag-history';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const sample = (i: number, committed: number | null, end: number) => ({
  timestamp: T0 + i * MIN,
  committedOffset: committed === null ? null : String(committed),
  endOffset: String(end),
});

describe('LagHistory', () => {
  it('keeps a bounded window per partition, oldest first', () => {
    const h = new LagHistory({ samplesPerPartition: 3 });
    for (let i = 0; i < 5; i++) h.record('billing', 'orders', 0, sample(i, i * 10, 100));
    expect(h.window('billing', 'orders', 0).map((s) => s.committedOffset)).toEqual(['20', '30', '40']);
    expect(h.window('billing', 'orders', 1)).toEqual([]);
    expect(h.window('other', 'orders', 0)).toEqual([]);
  });

  it('drops samples older than windowMs', () => {
    const h = new LagHistory({ samplesPerPartition: 10, windowMs: 2 * MIN });
    for (let i = 0; i < 5; i++) h.record('billing', 'orders', 0, sample(i, i, 100));
    expect(h.window('billing', 'orders', 0).map((s) => s.committedOffset)).toEqual(['2', '3', '4']);
  });

  it('ignores samples that are not newer than the last one', () => {
    const h = new LagHistory();
    expect(h.record('g', 't', 0, sample(2, 50, 100))).toBe(true);
    expect(h.record('g', 't', 0, sample(1, 10, 100))).toBe(false);
    expect(h.record('g', 't', 0, sample(2, 60, 100))).toBe(false);
    expect(h.window('g', 't', 0)).toHaveLength(1);
  });

  it('rejects samples with garbage offsets', () => {
    expect(() => new LagHistory().record('g', 't', 0, { timestamp: T0, committedOffset: '-1', endOffset: '5' })).toThrow('partition 0 of t');
  });

  it('remembers when the committed offset last changed beyond the window', () => {
    const h = new LagHistory({ samplesPerPartition: 3 });
    h.record('billing', 'orders', 0, sample(0, 400, 450));
    for (let i = 1; i <= 6; i++) h.record('billing', 'orders', 0, sample(i, 500, 600 + i * 100));
    const g = h.evaluate('billing', T0 + 6 * MIN);
    expect(g.status).toBe('STOP');
    expect(g.partitions[0]).toMatchObject({ lastCommitAt: T0 + MIN });
    expect(g.explanation).toBe('partition 0 of orders: the consumer has not committed for 5 min while 700 messages wait.');
  });

  it('evaluates a group across topics and passes membership through', () => {
    const h = new LagHistory({ samplesPerPartition: 3 });
    for (let i = 0; i < 3; i++) {
      h.record('billing', 'orders', 0, sample(i, 100 * i, 100 * i));
      h.record('billing', 'payments', 1, sample(i, 500, 600 + i));
    }
    expect(h.evaluate('billing', T0 + 2 * MIN).status).toBe('STOP');
    const g = h.evaluate('billing', T0 + 2 * MIN, { groupHasMembers: true });
    expect(g.status).toBe('STALL');
    expect(g.totalLag).toBe('102');
    expect(g.partitions.map((p) => `${p.topic}/${p.partition}:${p.status}`)).toEqual(['payments/1:STALL', 'orders/0:OK']);
  });

  it('forgets partitions and groups that are gone', () => {
    const h = new LagHistory();
    h.record('billing', 'orders', 0, sample(0, 1, 2));
    h.record('billing', 'orders', 1, sample(0, 1, 2));
    h.record('audit', 'orders', 0, sample(0, 1, 2));
    h.retainPartitions('billing', [{ topic: 'orders', partition: 1 }]);
    expect(h.window('billing', 'orders', 0)).toEqual([]);
    expect(h.window('billing', 'orders', 1)).toHaveLength(1);
    h.retainPartitions('billing', []);
    h.forgetGroup('audit');
    expect(h.groupIds()).toEqual([]);
  });

  it('needs at least two samples per partition', () => {
    expect(() => new LagHistory({ samplesPerPartition: 1 })).toThrow('at least 2 samples');
  });
});
