import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import type { LiveState } from '../live-state';
import { lintDesign } from './lint-design';
import { consumerParallelismRule, keyedPartitionGrowthRule } from './partition-rules';

const consumer = (id: string, parallelism: number) => ({ id, kind: 'consumes' as const, serviceId: 'svc', topicId: 'orders', consumerGroup: id, parallelism });

describe('partitions-cover-consumer-parallelism', () => {
  const run = (partitions: number, parallelisms: number[], environment?: string) =>
    lintDesign(
      design({
        services: [{ id: 'svc', name: 'Svc', role: 'consumer' }],
        topics: [topic('orders', { partitions })],
        schemas: [schemaFor('orders')],
        edges: parallelisms.map((p, i) => consumer(`group-${i}`, p)),
        environments: [{ name: 'dev', topics: { orders: { partitions: 1 } } }],
      }),
      { rules: [consumerParallelismRule], environment },
    ).map((f) => f.message);

  it.each([
    [6, [6, 3], []],
    [6, [], []],
    [3, [2, 5, 4], ['Topic "orders" has 3 partitions but consumer group "group-1" plans 5 consumers; 2 would sit idle.']],
    [1, [2], ['Topic "orders" has 1 partition but consumer group "group-0" plans 2 consumers; 1 would sit idle.']],
  ])('%i partitions for parallelism %j', (partitions, parallelisms, expected) => expect(run(partitions, parallelisms)).toEqual(expected));

  it('reads the partitions of the chosen environment', () => {
    expect(run(6, [2], 'dev')).toEqual(['Topic "orders" has 1 partition but consumer group "group-0" plans 2 consumers; 1 would sit idle.']);
  });
});

describe('keyed-topic-partition-growth', () => {
  const live = (partitions: number): LiveState => ({ topics: [{ name: 'orders', partitions, replicationFactor: 3, configs: {} }], subjects: [] });
  const run = (partitions: number, keyed: boolean, state?: LiveState) =>
    lintDesign(design({ topics: [topic('orders', { partitions, key: keyed ? { meaning: 'orderId' } : undefined })] }), { rules: [keyedPartitionGrowthRule], live: state }).map((f) => f.message);

  it('warns when a keyed topic would grow', () => {
    expect(run(12, true, live(6))).toEqual([
      'Topic "orders" is keyed (orderId) and would grow from 6 to 12 partitions: new records for a key may land on a different partition than its older ones, so per-key order breaks across the change.',
    ]);
  });

  it.each([
    ['unkeyed topics', 12, false, live(6)],
    ['unchanged partitions', 6, true, live(6)],
    ['shrinking (the plan reports that as impossible)', 3, true, live(6)],
    ['topics not yet created', 12, true, { topics: [], subjects: [] }],
    ['no live state', 12, true, undefined],
  ])('is silent for %s', (_, partitions, keyed, state) => expect(run(partitions, keyed, state)).toEqual([]));
});
