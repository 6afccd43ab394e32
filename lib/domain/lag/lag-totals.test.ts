import { describe, expect, it } from 'vitest';
import { lagTotals } from './lag-totals';

describe('lagTotals', () => {
  it('sums per topic and overall, counting unknown lags apart', () => {
    expect(
      lagTotals([
        { topic: 'orders', lag: '5' },
        { topic: 'orders', lag: '9007199254740993' },
        { topic: 'payments', lag: null },
        { topic: 'audit', lag: '0' },
        { topic: 'payments', lag: '7' },
      ]),
    ).toEqual({
      lag: '9007199254741005',
      partitions: 5,
      unknownPartitions: 1,
      byTopic: [
        { topic: 'orders', lag: '9007199254740998', partitions: 2, unknownPartitions: 0 },
        { topic: 'payments', lag: '7', partitions: 2, unknownPartitions: 1 },
        { topic: 'audit', lag: '0', partitions: 1, unknownPartitions: 0 },
      ],
    });
  });

  it('is zero for nothing', () => {
    expect(lagTotals([])).toEqual({ lag: '0', partitions: 0, unknownPartitions: 0, byTopic: [] });
  });
});
