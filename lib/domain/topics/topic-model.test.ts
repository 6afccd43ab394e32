import { describe, expect, it } from 'vitest';
import { mergeTopicConfigs, retainedRecords, topicLevelOverrides } from './topic-model';

describe('topic config merge for the legacy AlterConfigs API', () => {
  const entries = [
    { name: 'retention.ms', value: '3600000', source: 'topic' as const, readOnly: false, sensitive: false },
    { name: 'cleanup.policy', value: 'compact', source: 'topic' as const, readOnly: false, sensitive: false },
    { name: 'segment.bytes', value: '1073741824', source: 'default' as const, readOnly: false, sensitive: false },
    { name: 'max.message.bytes', value: '1048588', source: 'broker' as const, readOnly: false, sensitive: false },
  ];

  it('keeps only values set on the topic itself', () => {
    expect(topicLevelOverrides(entries)).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
  });

  it('keeps unrelated overrides when one changes, and drops resets', () => {
    const current = topicLevelOverrides(entries);
    expect(mergeTopicConfigs(current, { 'max.message.bytes': '2000000' }, [])).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000' });
    expect(mergeTopicConfigs(current, {}, ['cleanup.policy'])).toEqual({ 'retention.ms': '3600000' });
  });
});

describe('retainedRecords', () => {
  it('sums high − low over partitions beyond 2^53', () => {
    expect(retainedRecords([{ lowWatermark: '5', highWatermark: '15' }, { lowWatermark: '0', highWatermark: '9007199254740993' }])).toBe('9007199254741003');
  });
  it('is unknown when a partition’s watermarks are', () => {
    expect(retainedRecords([{ lowWatermark: '5', highWatermark: '15' }, { lowWatermark: null, highWatermark: null }])).toBeNull();
  });
});
