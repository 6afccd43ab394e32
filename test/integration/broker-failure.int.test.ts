import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real three-broker KRaft cluster of its own: one broker is stopped mid-test, so what the console
// shows on the day a broker dies is tested against Kafka itself, not a mock.
process.env.KEA_CONFIG = 'test/integration/fixtures/three-brokers.yaml';
// Connection errors to the stopped broker are expected here; keep them out of the output.
process.env.LOG_LEVEL ??= 'fatal';

const stackEnv = {
  ...process.env,
  KEA_BROKERS: '3',
  KAFKA_PORT: '9192',
  KAFKA_CONTROLLER_PORT: '19192',
  KEA_STACK_DIR: path.resolve('.stack/three-brokers'),
  KEA_STACK_SKIP: 'registry,connect',
};
const stack = (...args: string[]) => execFileSync('bash', ['scripts/stack.sh', ...args], { env: stackEnv, stdio: 'pipe', timeout: 240_000 }).toString();

const { kafka } = await import('@/lib/kafka');
const { disconnectAll } = await import('@/lib/kafka/client-pool');
const three = kafka('three');
const topic = `it-rf3-${Date.now()}`;

beforeAll(() => {
  stack('up');
}, 240_000);

afterAll(async () => {
  await disconnectAll();
  stack('wipe');
}, 120_000);

describe('a three-broker cluster losing a broker', () => {
  it('shows three brokers and creates a topic with replication factor 3', async () => {
    const o = await three.cluster.overview();
    expect(o.brokers.map((b) => b.nodeId)).toEqual([1, 2, 3]);
    await three.topics.create({ name: topic, partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } });
    const d = await three.topics.describe(topic);
    expect(d.replicationFactor).toBe(3);
    expect(d.partitions.every((p) => p.isr.length === 3)).toBe(true);
  });

  it('reports under-replicated partitions while broker 3 is down, and keeps serving the topic', async () => {
    stack('stop-broker', '3');
    await expect
      .poll(async () => (await three.cluster.overview()).underReplicatedPartitions, { timeout: 60_000, interval: 1000 })
      .toBeGreaterThanOrEqual(3);
    const o = await three.cluster.overview();
    expect(o.brokers.map((b) => b.nodeId)).toEqual([1, 2]);
    expect(o.missingBrokerIds).toEqual([3]);
    expect(o.offlinePartitions).toBe(0);
    expect(o.unhealthyPartitions.filter((p) => p.topic === topic).every((p) => !p.isr.includes(3))).toBe(true);
    const d = await three.topics.describe(topic);
    expect(d.partitions.every((p) => p.leader !== 3 && p.isr.length === 2)).toBe(true);
    expect(d.partitions.every((p) => p.highWatermark !== null)).toBe(true);
  });

  it('recovers when broker 3 returns', async () => {
    stack('start-broker', '3');
    await expect.poll(async () => (await three.topics.describe(topic)).partitions.every((p) => p.isr.length === 3), { timeout: 90_000, interval: 1000 }).toBe(true);
    const o = await three.cluster.overview();
    expect(o.brokers).toHaveLength(3);
    expect(o.missingBrokerIds).toEqual([]);
  });
});
