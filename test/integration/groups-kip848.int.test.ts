import './setup-env';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin } from 'kafkajs';
import { consumerGroups } from '@/lib/kafka/groups';
import { commitGroupOffsets } from '@/lib/kafka/groups-commit';
import { consumerProtocolGroupsOf } from '@/lib/kafka/consumer-protocol-groups';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { BOOTSTRAP, rawKafka, uniqueTopic } from './helpers';

/**
 * A group on the KIP-848 consumer protocol, run by Kafka's own Java console consumer with
 * group.protocol=consumer (kafkajs speaks only the classic protocol). The classic DescribeGroups
 * answers such a group as Dead; the console must show its real state, refuse a reset while it
 * runs, and reset it once Empty without turning it into a classic group.
 */
const groups = consumerGroups('local');
const admin: Admin = rawKafka.admin();
const topic = uniqueTopic('kip848');
const groupId = `it-kip848-${Date.now()}`;
let consumer: ChildProcess | null = null;

function startJavaConsumer(): ChildProcess {
  const child = spawn(
    'bash',
    ['scripts/stack.sh', 'run-class', 'org.apache.kafka.tools.consumer.ConsoleConsumer', '--bootstrap-server', BOOTSTRAP, '--topic', topic, '--group', groupId, '--from-beginning', '--consumer-property', 'group.protocol=consumer'],
    { detached: true, stdio: 'ignore' },
  );
  return child;
}

function stopJavaConsumer() {
  // The whole process group: bash and the JVM it started. SIGTERM lets the consumer leave the group.
  if (consumer?.pid) process.kill(-consumer.pid, 'SIGTERM');
  consumer = null;
}

async function stateOf(id: string): Promise<string> {
  return (await groups.describe(id)).description.state;
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
  const producer = rawKafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: 30 }, (_, i) => ({ key: `task-${i}`, value: JSON.stringify({ i }) })) });
  await producer.disconnect();
}, 60_000);

afterAll(async () => {
  stopJavaConsumer();
  await admin.deleteGroups([groupId]).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await disconnectAll();
});

describe('a KIP-848 consumer-protocol group (Kafka Java consumer, group.protocol=consumer)', () => {
  it('shows its real state while it runs, marks its members unknown, and refuses a reset', async () => {
    consumer = startJavaConsumer();
    await expect.poll(() => stateOf(groupId).catch(() => 'absent'), { timeout: 60_000, interval: 1000 }).toBe('Stable');
    const detail = await groups.describe(groupId);
    expect(detail.description).toMatchObject({ groupProtocol: 'consumer', protocolType: 'consumer', members: [] });
    expect(detail.description.membersNote).toMatch(/KIP-848/);
    // Offsets and lag come from the classic APIs, which work for these groups.
    await expect.poll(async () => (await groups.describe(groupId)).evaluation.partitions.length, { timeout: 30_000 }).toBe(3);

    const summary = (await groups.list()).find((g) => g.groupId === groupId);
    expect(summary).toMatchObject({ state: 'Stable', membersUnknown: true });

    const preview = await groups.previewOffsetReset({ groupId, topic, strategy: { kind: 'earliest' } });
    expect(preview.guardProblem).toMatch(/is Stable; offsets can be reset only when it is Empty/);
    await expect(groups.applyOffsetReset({ groupId, topics: [{ topic, partitions: [{ partition: 0, offset: '0' }] }] })).rejects.toMatchObject({ category: 'conflict' });
    // Past the console's own guard, the broker refuses an OffsetCommit from outside a running group too.
    await expect(commitGroupOffsets('local', groupId, [{ topic, partitions: [{ partition: 0, offset: '0' }] }])).rejects.toMatchObject({
      category: 'conflict',
      message: expect.stringContaining('a consumer joined the group'),
    });
    await expect(groups.delete(groupId)).rejects.toMatchObject({ category: 'conflict' });
  }, 120_000);

  it('once the consumer stops it is Empty; a reset commits the preview and the group stays on the consumer protocol', async () => {
    stopJavaConsumer();
    await expect.poll(() => stateOf(groupId), { timeout: 60_000, interval: 1000 }).toBe('Empty');
    const preview = await groups.previewOffsetReset({ groupId, topic, strategy: { kind: 'earliest' } });
    expect(preview.guardProblem).toBeNull();
    const targets = preview.topics[0]!.rows.map((r) => ({ partition: r.partition, offset: r.target }));
    expect(targets.every((t) => t.offset === '0')).toBe(true);
    await groups.applyOffsetReset({ groupId, topics: [{ topic, partitions: targets }] });
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed!.partitions.map((p) => p.offset).sort()).toEqual(['0', '0', '0']);
    expect((await consumerProtocolGroupsOf('local')([groupId])).get(groupId)).toMatchObject({ state: 'Empty', groupProtocol: 'consumer' });
  }, 120_000);

  it('deletes the Empty group', async () => {
    await groups.delete(groupId);
    expect((await consumerProtocolGroupsOf('local')([groupId])).has(groupId)).toBe(false);
    await expect(groups.describe(groupId)).rejects.toMatchObject({ category: 'not-found' });
  }, 60_000);
});
