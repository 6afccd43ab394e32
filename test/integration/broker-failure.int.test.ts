import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
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
const { closeAllTailSources } = await import('@/lib/kafka/tail-source');
const { kafkajsMessageService } = await import('@/lib/kafka/messages-service');
const { GET: tailRoute } = await import('@/app/api/clusters/[cluster]/topics/[topic]/tail/route');
const { SseClient, startRouteServer } = await import('./messages-sse');
const three = kafka('three');
const topic = `it-rf3-${Date.now()}`;
// Partition 0 lives on broker 3 alone, partition 1 on broker 1 alone: stopping broker 3 takes partition 0 offline.
const tailed = `it-tail-rf1-${Date.now()}`;
const raw = new Kafka({ clientId: 'kea-broker-failure-test', brokers: ['127.0.0.1:9192', '127.0.0.1:9193', '127.0.0.1:9194'], logLevel: logLevel.NOTHING });
const producer = raw.producer({ allowAutoTopicCreation: false });
let tailServer: { url: string; close: () => Promise<void> } | undefined;
let tail: InstanceType<typeof SseClient> | undefined;
let written = 0;
const write = (partition: number, count: number) => producer.send({ topic: tailed, acks: 1, messages: Array.from({ length: count }, () => ({ partition, value: JSON.stringify({ n: written++ }) })) });
const received = (partition: number) => tail!.messages().filter((m) => m.partition === partition).map((m) => Number(m.offset));
const stalledPartitions = () => (tail!.lastProgress() as { partitions?: { partition: number; stalled?: string }[] } | undefined)?.partitions?.filter((p) => p.stalled) ?? [];

beforeAll(() => {
  stack('up');
}, 240_000);

afterAll(async () => {
  tail?.destroy();
  await closeAllTailSources();
  await tailServer?.close();
  await producer.disconnect();
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

  it('a live tail of a topic with a partition on broker 3 alone receives records from both partitions', async () => {
    const admin = raw.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: tailed, replicaAssignment: [{ partition: 0, replicas: [3] }, { partition: 1, replicas: [1] }] }] });
    await admin.disconnect();
    await producer.connect();
    tailServer = await startRouteServer(tailRoute as never, { cluster: 'three', topic: tailed });
    tail = new SseClient(`${tailServer.url}/`);
    await tail.until(() => tail!.events.some((e) => e.event === 'progress'));
    await write(0, 3);
    await write(1, 3);
    await tail.until(() => tail!.messages().length === 6);
    expect(received(0)).toEqual([0, 1, 2]);
  });

  it('reports under-replicated partitions while broker 3 is down, and keeps serving the topic', async () => {
    stack('stop-broker', '3');
    await expect
      .poll(async () => (await three.cluster.overview()).underReplicatedPartitions, { timeout: 60_000, interval: 1000 })
      .toBeGreaterThanOrEqual(3);
    const o = await three.cluster.overview();
    expect(o.brokers.map((b) => b.nodeId)).toEqual([1, 2]);
    expect(o.missingBrokerIds).toEqual([3]);
    // The tailed topic's partition 0 (its only replica is on broker 3); the overview still answers.
    expect(o.offlinePartitions).toBe(1);
    expect(o.unhealthyPartitions.filter((p) => p.topic === topic).every((p) => !p.isr.includes(3))).toBe(true);
    const d = await three.topics.describe(topic);
    expect(d.partitions.every((p) => p.leader !== 3 && p.isr.length === 2)).toBe(true);
    expect(d.partitions.every((p) => p.highWatermark !== null)).toBe(true);
  });

  it('while broker 3 is down, the tail says which partition it waits for and why, and the other partition goes on', async () => {
    await tail!.until(() => stalledPartitions().length > 0, 60_000);
    expect(stalledPartitions().map((p) => p.partition)).toEqual([0]);
    expect(stalledPartitions()[0]!.stalled).toMatch(/leader/);
    await write(1, 3);
    await tail!.until(() => received(1).length === 6);
    expect(received(1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(tail!.ended).toBe(false);
    // Browsing the topic now names the offline partition (kafkajs alone called the whole cluster unreachable).
    await expect(kafkajsMessageService('three').browse({ topic: tailed, start: { from: 'newest' }, limit: 10 })).rejects.toMatchObject({ category: 'unavailable', message: expect.stringMatching(/^Partition 0 of topic "it-tail-rf1-\d+" has no leader/) });
  }, 90_000);

  it('recovers when broker 3 returns', async () => {
    stack('start-broker', '3');
    await expect.poll(async () => (await three.topics.describe(topic)).partitions.every((p) => p.isr.length === 3), { timeout: 90_000, interval: 1000 }).toBe(true);
    const o = await three.cluster.overview();
    expect(o.brokers).toHaveLength(3);
    expect(o.missingBrokerIds).toEqual([]);
  });

  it('when broker 3 is back, the tail reads partition 0 again where it stood: no gap, no duplicate', async () => {
    await write(0, 3);
    await tail!.until(() => received(0).length === 6, 60_000);
    expect(received(0)).toEqual([0, 1, 2, 3, 4, 5]);
    await tail!.until(() => stalledPartitions().length === 0, 30_000);
    expect(tail!.ended).toBe(false);
  }, 90_000);
});
