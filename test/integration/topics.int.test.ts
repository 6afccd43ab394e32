import './setup-env';
import { afterAll, describe, expect, it } from 'vitest';
import { kafka } from '@/lib/kafka';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { ConsoleError } from '@/lib/domain/console-error';
import { produce, rawKafka, uniqueTopic } from './helpers';

const local = kafka('local');
const created: string[] = [];

async function createTopic(label: string, partitions = 1, configs: Record<string, string> = {}) {
  const name = uniqueTopic(label);
  await local.topics.create({ name, partitions, replicationFactor: 1, configs });
  created.push(name);
  return name;
}

const overrides = async (topic: string) =>
  Object.fromEntries((await local.topics.describe(topic)).configs.filter((c) => c.source === 'topic').map((c) => [c.name, c.value]));

afterAll(async () => {
  const admin = rawKafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.deleteTopics({ topics: created.filter((t) => existing.has(t)) }).catch(() => undefined);
  await admin.disconnect();
  await disconnectAll();
});

describe('cluster overview (real broker)', () => {
  it('describes the brokers and counts partitions', async () => {
    const o = await local.cluster.overview();
    expect(o.clusterId).toMatch(/\S+/);
    expect(o.brokers.length).toBeGreaterThanOrEqual(1);
    expect(o.brokers.some((b) => b.host === '127.0.0.1' && b.port === 9092)).toBe(true);
    expect(o.brokers.filter((b) => b.isController).length).toBeLessThanOrEqual(1);
    expect(o.offlinePartitions).toBe(0);
  });
});

describe('topic lifecycle (real broker)', () => {
  it('creates a topic with its configs and describes partitions and watermarks', async () => {
    const name = await createTopic('create', 3, { 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    const d = await local.topics.describe(name);
    expect(d.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
    expect(d.partitions.every((p) => p.leader >= 0 && p.isr.length === 1 && p.highWatermark === '0')).toBe(true);
    expect(await overrides(name)).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    expect(d.configs.find((c) => c.name === 'segment.bytes')?.source).not.toBe('topic');
    expect((await local.topics.list()).some((t) => t.name === name && t.partitions === 3)).toBe(true);
  });

  it('editing one config leaves the topic’s other overrides intact (only the changed keys are sent)', async () => {
    const name = await createTopic('alter', 1, { 'retention.ms': '3600000', 'cleanup.policy': 'compact' });
    await local.topics.alterConfigs({ topic: name, set: { 'max.message.bytes': '2000000' }, reset: [] });
    expect(await overrides(name)).toEqual({ 'retention.ms': '3600000', 'cleanup.policy': 'compact', 'max.message.bytes': '2000000' });
    await local.topics.alterConfigs({ topic: name, set: { 'retention.ms': '7200000' }, reset: ['cleanup.policy'] });
    expect(await overrides(name)).toEqual({ 'retention.ms': '7200000', 'max.message.bytes': '2000000' });
  });

  it('adds partitions and refuses to shrink', async () => {
    const name = await createTopic('grow', 2);
    await local.topics.addPartitions({ topic: name, count: 5 });
    expect((await local.topics.describe(name)).partitions).toHaveLength(5);
    await expect(local.topics.addPartitions({ topic: name, count: 3 })).rejects.toMatchObject({ category: 'invalid-input' });
    expect((await local.topics.describe(name)).partitions).toHaveLength(5);
  });

  it('deletes records before an offset and moves the low watermark', async () => {
    const name = await createTopic('records', 1);
    await produce(name, 10);
    const result = await local.topics.deleteRecords({ topic: name, partitions: [{ partition: 0, beforeOffset: '4' }] });
    expect(result).toEqual([{ partition: 0, lowWatermark: '4' }]);
    const p0 = (await local.topics.describe(name)).partitions[0]!;
    expect([p0.lowWatermark, p0.highWatermark]).toEqual(['4', '10']);
    expect((await local.topics.describe(name)).retainedRecords).toBe('6');
  });

  it('deletes a topic', async () => {
    const name = await createTopic('delete', 1);
    await local.topics.delete(name);
    await expect.poll(() => local.topics.exists(name), { timeout: 15_000 }).toBe(false);
    await expect(local.topics.describe(name)).rejects.toMatchObject({ category: 'not-found', message: `Topic "${name}" does not exist.` });
  });
});

describe('a topic deleted by another client', () => {
  it('does not break the shared admin for other topics (kafkajs keeps stale target topics)', async () => {
    const doomed = await createTopic('doomed', 1);
    await local.topics.describe(doomed);
    const other = rawKafka.admin();
    await other.connect();
    await other.deleteTopics({ topics: [doomed] });
    await other.disconnect();
    const next = await createTopic('after-delete', 2);
    expect((await local.topics.describe(next)).partitions).toHaveLength(2);
    await expect(local.topics.describe(doomed)).rejects.toMatchObject({ category: 'not-found' });
  });
});

describe('the broker’s own refusals arrive as ConsoleErrors and change nothing', () => {
  it('topic already exists', async () => {
    const name = await createTopic('dup', 1);
    await expect(local.topics.create({ name, partitions: 4, replicationFactor: 1, configs: {} })).rejects.toMatchObject({ category: 'already-exists' });
    expect((await local.topics.describe(name)).partitions).toHaveLength(1);
  });

  it('replication factor above the broker count', async () => {
    const name = uniqueTopic('rf');
    const brokers = await local.cluster.brokerCount();
    const err = await local.topics.create({ name, partitions: 1, replicationFactor: brokers + 1, configs: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsoleError);
    expect(err).toMatchObject({ category: 'invalid-input' });
    expect(await local.topics.exists(name)).toBe(false);
  });

  it('unknown config key and invalid value', async () => {
    const name = uniqueTopic('cfg');
    await expect(local.topics.create({ name, partitions: 1, replicationFactor: 1, configs: { 'retention.m': '1' } })).rejects.toMatchObject({ category: 'invalid-input' });
    await expect(local.topics.create({ name, partitions: 1, replicationFactor: 1, configs: { 'retention.ms': 'abc' } })).rejects.toMatchObject({ category: 'invalid-input' });
    expect(await local.topics.exists(name)).toBe(false);

    const existing = await createTopic('cfg-alter', 1, { 'retention.ms': '3600000' });
    // IncrementalAlterConfigs carries the broker's own message, which names the key and the rule.
    await expect(local.topics.alterConfigs({ topic: existing, set: { 'retention.ms': 'abc' }, reset: [] })).rejects.toMatchObject({
      category: 'invalid-input',
      message: expect.stringMatching(/abc.*retention\.ms|retention\.ms.*abc/),
    });
    await expect(local.topics.alterConfigs({ topic: existing, set: { 'retention.m': '1' }, reset: [] })).rejects.toMatchObject({ category: 'invalid-input', message: expect.stringContaining('retention.m') });
    expect(await overrides(existing)).toEqual({ 'retention.ms': '3600000' });
  });
});

describe('a cluster that is down', () => {
  it('fails fast with an "unavailable", retryable error naming the cluster', async () => {
    const started = Date.now();
    const err = await kafka('down').topics.list().catch((e: unknown) => e);
    expect(err).toMatchObject({ category: 'unavailable', retryable: true });
    expect((err as Error).message).toContain('cluster "down"');
    // Generous bound: it documents "seconds, not kafkajs's default minute", not a performance target.
    expect(Date.now() - started).toBeLessThan(45_000);
  });
});
