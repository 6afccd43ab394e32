import { describe, expect, it } from 'vitest';
import { planChanges } from '../plan';
import { designProblems } from '../validate';
import { designFromCluster, type ClusterSnapshot } from './import-cluster';

const snapshot: ClusterSnapshot = {
  cluster: 'local',
  topics: [
    { name: 'orders', partitions: 6, replicationFactor: 1, configs: { 'retention.ms': '86400000' } },
    { name: 'orders.dlq', partitions: 1, replicationFactor: 1, configs: {} },
    { name: 'orders-retry-1', partitions: 6, replicationFactor: 1, configs: {} },
    { name: '_odd', partitions: 1, replicationFactor: 1, configs: {} },
  ],
  groups: [
    { groupId: 'billing', state: 'Stable', topics: ['orders', 'elsewhere'] },
    { groupId: 'idle', state: 'Empty', topics: ['not-imported'] },
  ],
  subjects: [
    { subject: 'orders-value', format: 'AVRO', definition: '{"type":"string"}', compatibility: 'BACKWARD' },
    { subject: 'misc', format: 'JSON', definition: '{}', compatibility: null },
  ],
  connectors: [{ name: 'orders-source', direction: 'source', connectorClass: 'x.Source', topics: ['orders', 'gone'] }],
};

describe('designFromCluster', () => {
  const { design, warnings } = designFromCluster(snapshot, { name: 'Imported' });

  it('is a valid design', () => {
    expect(designProblems(design)).toEqual([]);
  });

  it('links schemas by TopicNameStrategy and recognises DLQ and retry topics', () => {
    const orders = design.topics.find((t) => t.name === 'orders')!;
    expect(orders.valueSchemaId).toBe('orders-value');
    expect(design.topics.find((t) => t.name === 'orders.dlq')).toMatchObject({ kind: 'dlq', sourceTopicId: orders.id });
    expect(design.topics.find((t) => t.name === 'orders-retry-1')).toMatchObject({ kind: 'retry', sourceTopicId: orders.id });
    expect(design.topics.find((t) => t.name === '_odd')!.id).toBe('topic-_odd');
  });

  it('turns groups into consumers of the imported topics, and says what it cannot know', () => {
    expect(design.services.map((s) => s.name)).toEqual(['billing']);
    expect(design.edges).toHaveLength(1);
    expect(design.edges[0]).toMatchObject({ kind: 'consumes', consumerGroup: 'billing' });
    expect(design.connectors[0]!.topicIds).toEqual([design.topics[0]!.id]);
    expect(design.notes[0]!.text).toMatch(/does not record producers.*orders\.dlq|does not record producers/);
    expect(warnings.join('\n')).toMatch(/gone/);
    expect(warnings.join('\n')).toMatch(/misc/);
  });

  it('planned against the cluster it came from, it changes nothing', () => {
    const live = { topics: snapshot.topics, subjects: [{ subject: 'orders-value', latest: { version: 1, format: 'AVRO' as const, definition: '{"type":"string"}' }, compatibility: 'BACKWARD' as const }, { subject: 'misc', latest: { version: 1, format: 'JSON' as const, definition: '{}' }, compatibility: null }] };
    expect(planChanges(design, live).steps).toEqual([]);
  });
});
