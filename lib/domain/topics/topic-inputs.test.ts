import { describe, expect, it } from 'vitest';
import { createTopicInput, createTopicStateProblems, deleteRecordsProblems, deleteTopicInput, partitionCountProblem, alterTopicConfigsInput } from './topic-inputs';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]));

describe('createTopicInput', () => {
  it('parses a valid form, coercing numbers', () => {
    const r = createTopicInput.parse({ cluster: 'local', name: 'task-events', partitions: '6', replicationFactor: '3', configs: { 'retention.ms': '86400000' } });
    expect(r).toEqual({ cluster: 'local', name: 'task-events', partitions: 6, replicationFactor: 3, configs: { 'retention.ms': '86400000' } });
  });

  it('names each bad field', () => {
    const r = createTopicInput.safeParse({ cluster: 'local', name: 'bad name', partitions: '0', replicationFactor: 'x', configs: { 'retention.m': '1', 'retention.ms': 'abc' } });
    expect(messages(r)).toEqual({
      name: 'Topic names may use only letters, digits, ".", "_" and "-"; remove space.',
      partitions: 'Partitions must be at least 1.',
      replicationFactor: 'Replication factor must be a number.',
      'configs.retention.m': '"retention.m" is not a topic config; did you mean "retention.ms"?',
      'configs.retention.ms': 'retention.ms must be a whole number; "abc" is not.',
    });
  });
});

describe('createTopicStateProblems', () => {
  const input = createTopicInput.parse({ cluster: 'local', name: 'orders', partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '4' } });
  it('reports existing topic, replication above broker count and min ISR above RF', () => {
    expect(createTopicStateProblems(input, { brokerCount: 1, exists: true })).toEqual({
      name: 'Topic "orders" already exists.',
      replicationFactor: 'Replication factor 3 is more than the 1 broker in this cluster.',
      'configs.min.insync.replicas': 'min.insync.replicas 4 is more than the replication factor 3: no write with acks=all could succeed.',
    });
  });
  it('is empty when the cluster can take it', () => {
    expect(createTopicStateProblems({ ...input, configs: {} }, { brokerCount: 3, exists: false })).toEqual({});
  });
});

describe('partitionCountProblem', () => {
  it.each([
    [6, 3, 'Topic "orders" has 6 partitions; partitions can only grow.'],
    [6, 6, 'Topic "orders" already has 6 partitions; enter a larger count.'],
    [6, 12, null],
  ])('current %i, requested %i', (current, requested, expected) => expect(partitionCountProblem('orders', current, requested)).toBe(expected));
});

describe('deleteTopicInput', () => {
  it('requires the exact name as confirmation', () => {
    expect(messages(deleteTopicInput.safeParse({ cluster: 'local', topic: 'orders', confirmation: 'order' }))).toEqual({ confirmation: 'Type the topic name exactly to confirm.' });
    expect(deleteTopicInput.safeParse({ cluster: 'local', topic: 'orders', confirmation: 'orders' }).success).toBe(true);
  });
});

describe('alterTopicConfigsInput', () => {
  it('rejects an empty change', () => {
    expect(messages(alterTopicConfigsInput.safeParse({ cluster: 'local', topic: 'orders' }))).toEqual({ '': 'Nothing to change.' });
  });
});

describe('deleteRecordsProblems', () => {
  const marks = new Map([[0, { low: '10', high: '100' }]]);
  it('checks partition existence and the offset range', () => {
    expect(
      deleteRecordsProblems('orders', [{ partition: 0, beforeOffset: '101' }, { partition: 1, beforeOffset: '5' }], marks),
    ).toEqual({
      'partitions.0': 'Partition 0 ends at offset 100; choose an offset up to 100.',
      'partitions.1': 'Topic "orders" has no partition 1.',
    });
    expect(deleteRecordsProblems('orders', [{ partition: 0, beforeOffset: '10' }], marks)).toEqual({
      'partitions.0': 'Partition 0 already starts at offset 10; nothing before 10 to delete.',
    });
    expect(deleteRecordsProblems('orders', [{ partition: 0, beforeOffset: '100' }], marks)).toEqual({});
  });
});
