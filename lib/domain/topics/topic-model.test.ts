import { describe, expect, it } from 'vitest';
import { retainedRecords } from './topic-model';

describe('retainedRecords', () => {
  it('sums high − low over partitions beyond 2^53', () => {
    expect(retainedRecords([{ lowWatermark: '5', highWatermark: '15' }, { lowWatermark: '0', highWatermark: '9007199254740993' }])).toBe('9007199254741003');
  });
  it('is unknown when a partition’s watermarks are', () => {
    expect(retainedRecords([{ lowWatermark: '5', highWatermark: '15' }, { lowWatermark: null, highWatermark: null }])).toBeNull();
  });
});
