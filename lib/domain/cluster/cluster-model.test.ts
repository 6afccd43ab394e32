import { describe, expect, it } from 'vitest';
import { missingBrokerIds, summarizePartitions } from './cluster-model';

describe('summarizePartitions', () => {
  it('counts topics, partitions, under-replicated and offline, offline first', () => {
    const s = summarizePartitions([
      { name: '__consumer_offsets', internal: true, partitions: [{ partition: 0, leader: 1, replicas: [1], isr: [1], offlineReplicas: [] }] },
      {
        name: 'task-events',
        internal: false,
        partitions: [
          { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 3], offlineReplicas: [] },
          { partition: 1, leader: -1, replicas: [2], isr: [], offlineReplicas: [2] },
        ],
      },
    ]);
    expect(s).toMatchObject({ topicCount: 1, internalTopicCount: 1, partitionCount: 3, underReplicatedPartitions: 2, offlinePartitions: 1 });
    expect(s.unhealthyPartitions.map((p) => `${p.topic}/${p.partition}`)).toEqual(['task-events/1', 'task-events/0']);
  });
});

describe('missingBrokerIds', () => {
  it('names brokers that replicas point at but that are not alive', () => {
    const topics = [{ name: 't', internal: false, partitions: [{ partition: 0, leader: 1, replicas: [1, 3, 2], isr: [1, 2], offlineReplicas: [3] }] }];
    expect(missingBrokerIds(topics, [1, 2])).toEqual([3]);
    expect(missingBrokerIds(topics, [1, 2, 3])).toEqual([]);
  });
});
