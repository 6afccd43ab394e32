import './setup-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Admin, Consumer } from 'kafkajs';
import { consumerGroups } from '@/lib/kafka/groups';
import { takeLagSnapshot, type LagAdmin } from '@/lib/kafka/groups-snapshot';
import { LagSampler, type LagSample } from '@/lib/kafka/lag-sampler';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { produce, rawKafka, uniqueTopic } from './helpers';

/**
 * Consumer groups and lag against the real broker: a real kafkajs consumer group commits and stops;
 * the console's lag must equal end − committed as Kafka itself reports them; resets commit exactly
 * what the preview showed; Kafka's refusals (active group) arrive as ConsoleErrors.
 */
const groups = consumerGroups('local');
const admin: Admin = rawKafka.admin();
const topic = uniqueTopic('groups');
const groupId = `it-group-${Date.now()}`;
const createdGroups: string[] = [groupId];

async function consumeAll(group: string, expected: number, keepRunning = false): Promise<Consumer> {
  const consumer = rawKafka.consumer({ groupId: group, sessionTimeout: 10_000, heartbeatInterval: 1000 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let seen = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      autoCommitThreshold: 1,
      eachMessage: async () => {
        if (++seen >= expected) resolve();
      },
    });
  });
  await done;
  // kafkajs commits resolved offsets after the batch; wait until Kafka has all of them.
  await expect.poll(async () => committedTotal(group), { timeout: 15_000 }).toBe(expected);
  if (!keepRunning) await consumer.disconnect();
  return consumer;
}

async function committedTotal(group: string): Promise<number> {
  const offsets = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return offsets[0]!.partitions.reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
}

/** end − committed per partition, straight from Kafka (the oracle the console is checked against). */
async function kafkaLag(group: string): Promise<Record<number, number>> {
  const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  const ends = await admin.fetchTopicOffsets(topic);
  return Object.fromEntries(
    committed!.partitions.map((p) => [p.partition, Number(ends.find((e) => e.partition === p.partition)!.high) - Number(p.offset)]),
  );
}

function counting(target: Admin): { admin: LagAdmin; calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        return (value as (...a: unknown[]) => unknown).apply(obj, args);
      };
    },
  });
  return { admin: proxy, calls };
}

beforeAll(async () => {
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 2, replicationFactor: 1 }], waitForLeaders: true });
  await produce(topic, 10, 0);
  await produce(topic, 6, 1);
});

afterAll(async () => {
  await admin.deleteGroups(createdGroups).catch(() => undefined);
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
  await disconnectAll();
});

describe('lag of a real consumer group (real broker)', () => {
  it('a group that committed everything and stopped has lag = end − committed once producers write on', async () => {
    await consumeAll(groupId, 16);
    await produce(topic, 5, 0);
    await produce(topic, 2, 1);

    const detail = await groups.describe(groupId);
    expect(detail.description).toMatchObject({ groupId, state: 'Empty', protocolType: 'consumer', members: [] });
    const expected = await kafkaLag(groupId);
    expect(expected).toEqual({ 0: 5, 1: 2 });
    const byPartition = Object.fromEntries(detail.evaluation.partitions.map((p) => [p.partition, Number(p.lag)]));
    expect(byPartition).toEqual(expected);
    expect(detail.evaluation.partitions.find((p) => p.partition === 0)).toMatchObject({ topic, committedOffset: '10', endOffset: '15', lag: '5' });
    expect(detail.totals).toMatchObject({ lag: '7', partitions: 2, unknownPartitions: 0 });
    expect(detail.evaluation.explanation).toMatch(/partition|group/);

    const listed = (await groups.list()).find((g) => g.groupId === groupId);
    expect(listed).toMatchObject({ groupId, state: 'Empty', memberCount: 0, topics: [topic], totalLag: '7' });
  });

  it('an active group shows its members with their decoded assignment, and refuses a reset', async () => {
    const active = `it-group-active-${Date.now()}`;
    createdGroups.push(active);
    const consumer = await consumeAll(active, 23, true);
    try {
      const detail = await groups.describe(active);
      expect(detail.description.state).toBe('Stable');
      expect(detail.description.members).toHaveLength(1);
      const [member] = detail.description.members;
      expect(member!.clientId).toBe('kea-integration-tests');
      expect(member!.host).toMatch(/127\.0\.0\.1/);
      expect(member!.assignment).toEqual([{ topic, partitions: [0, 1] }]);

      const preview = await groups.previewOffsetReset({ groupId: active, topic, strategy: { kind: 'earliest' } });
      expect(preview.guardProblem).toMatch(/has 1 active member; stop its consumers/);
      const err = await groups.applyOffsetReset({ groupId: active, topics: [{ topic, partitions: [{ partition: 0, offset: '0' }] }] }).catch((e: unknown) => e);
      expect(err).toMatchObject({ category: 'conflict' });
      expect(await committedTotal(active)).toBe(23);
      await expect(groups.delete(active)).rejects.toMatchObject({ category: 'conflict', message: expect.stringContaining('active member') });
    } finally {
      await consumer.disconnect();
    }
  });
});

describe('offset reset: the preview is what gets committed', () => {
  const readBack = async () => {
    const [t] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return Object.fromEntries(t!.partitions.map((p) => [p.partition, p.offset]));
  };

  it.each([
    ['earliest', { kind: 'earliest' as const }, { 0: '0', 1: '0' }],
    ['shift by +3 (from earliest)', { kind: 'shift' as const, by: '3' }, { 0: '3', 1: '3' }],
    ['exact offset, clamped to the end of partition 1', { kind: 'offset' as const, offset: '12' }, { 0: '12', 1: '8' }],
    ['shift by -100, clamped to the start', { kind: 'shift' as const, by: '-100' }, { 0: '0', 1: '0' }],
    ['latest', { kind: 'latest' as const }, { 0: '15', 1: '8' }],
  ])('%s', async (_, strategy, expected) => {
    const preview = await groups.previewOffsetReset({ groupId, topic: null, strategy });
    expect(preview.guardProblem).toBeNull();
    expect(preview.topics.map((t) => t.topic)).toEqual([topic]);
    const targets = Object.fromEntries(preview.topics[0]!.rows.map((r) => [r.partition, r.target]));
    expect(targets).toEqual(expected);
    const applied = await groups.applyOffsetReset({ groupId, topics: preview.topics.map((t) => ({ topic: t.topic, partitions: t.rows.map((r) => ({ partition: r.partition, offset: r.target })) })) });
    expect(await readBack()).toEqual(targets);
    expect(Object.fromEntries(applied.topics[0]!.partitions.map((p) => [p.partition, p.offset]))).toEqual(targets);
  });

  it('by timestamp: the first offset at or after the time; after the last message, the end', async () => {
    const before = Date.now();
    await new Promise((r) => setTimeout(r, 20));
    await produce(topic, 3, 1); // partition 1 now ends at 11; offsets 8..10 are newer than `before`
    const preview = await groups.previewOffsetReset({ groupId, topic, strategy: { kind: 'timestamp', timestamp: before } });
    const rows = Object.fromEntries(preview.topics[0]!.rows.map((r) => [r.partition, r]));
    expect(rows[1]).toMatchObject({ target: '8' });
    expect(rows[0]).toMatchObject({ target: '15', note: expect.stringContaining('no message at or after') });
    await groups.applyOffsetReset({ groupId, topics: [{ topic, partitions: preview.topics[0]!.rows.map((r) => ({ partition: r.partition, offset: r.target })) }] });
    expect(await readBack()).toEqual({ 0: '15', 1: '8' });
  });

  it('refuses a previewed target that retention has since removed', async () => {
    const err = await groups.applyOffsetReset({ groupId, topics: [{ topic, partitions: [{ partition: 0, offset: '999' }] }] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ category: 'conflict', message: expect.stringContaining('Preview again') });
  });
});

describe('snapshot and sampler request counts', () => {
  it('reads watermarks once per topic, however many groups read it', async () => {
    const extra = [`it-group-x-${Date.now()}`, `it-group-y-${Date.now()}`];
    createdGroups.push(...extra);
    for (const g of extra) await admin.setOffsets({ groupId: g, topic, partitions: [{ partition: 0, offset: '1' }] });
    const { admin: countingAdmin, calls } = counting(admin);
    const snap = await takeLagSnapshot(countingAdmin, [groupId, ...extra]);
    expect(snap.groups.map((g) => g.description.groupId)).toEqual([groupId, ...extra]);
    expect(calls).toMatchObject({ describeGroups: 1, fetchOffsets: 3, fetchTopicOffsets: 1 });
  });

  it('two subscribers to one group share one sampler: one set of requests per interval', async () => {
    const { admin: countingAdmin, calls } = counting(admin);
    const sampler = new LagSampler({ intervalMs: 300, snapshot: (scope) => takeLagSnapshot(countingAdmin, scope) });
    const seen: [LagSample[], LagSample[]] = [[], []];
    const off = [0, 1].map((i) => sampler.subscribe({ scope: [groupId], onSample: (s) => seen[i as 0 | 1].push(s) }));
    await expect.poll(() => Math.min(seen[0].length, seen[1].length), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    off.forEach((f) => f());
    expect(sampler.subscriberCount).toBe(0);
    await new Promise((r) => setTimeout(r, 400)); // a poll in flight may still finish
    const polls = sampler.stats.polls;
    expect(seen[0].map((s) => s.snapshot.takenAt)).toEqual(seen[1].map((s) => s.snapshot.takenAt).slice(0, seen[0].length));
    expect(calls.fetchOffsets).toBe(polls);
    expect(calls.describeGroups).toBe(polls);
    expect(calls.fetchTopicOffsets).toBe(polls);
    // Stopped after the last subscriber left: no more requests.
    await new Promise((r) => setTimeout(r, 800));
    expect(sampler.stats.polls).toBe(polls);
    expect(sampler.running).toBe(false);
    expect(sampler.book.points(groupId).length).toBe(polls);
  });
});

describe('topics deleted by another client', () => {
  it('do not break later snapshots (kafkajs keeps naming them in its metadata requests)', async () => {
    const [gone, fresh] = [uniqueTopic('gone'), uniqueTopic('fresh')];
    const [gGone, gFresh] = [`it-group-gone-${Date.now()}`, `it-group-fresh-${Date.now()}`];
    createdGroups.push(gGone, gFresh);
    await admin.createTopics({ topics: [{ topic: gone }, { topic: fresh }], waitForLeaders: true });
    await admin.setOffsets({ groupId: gGone, topic: gone, partitions: [{ partition: 0, offset: '0' }] });
    expect((await groups.describe(gGone)).evaluation.partitions).toHaveLength(1);
    await admin.deleteTopics({ topics: [gone] });
    await produce(fresh, 4);
    await admin.setOffsets({ groupId: gFresh, topic: fresh, partitions: [{ partition: 0, offset: '1' }] });
    const listed = await groups.list();
    expect(listed.find((g) => g.groupId === gFresh)).toMatchObject({ totalLag: '3' });
    await admin.deleteTopics({ topics: [fresh] });
  });
});

describe('delete group', () => {
  it('deletes an empty group; it is gone from Kafka and from the list', async () => {
    const doomed = `it-group-doomed-${Date.now()}`;
    createdGroups.push(doomed);
    await admin.setOffsets({ groupId: doomed, topic, partitions: [{ partition: 0, offset: '2' }] });
    expect((await groups.list()).some((g) => g.groupId === doomed)).toBe(true);
    await groups.delete(doomed);
    expect((await admin.listGroups()).groups.some((g) => g.groupId === doomed)).toBe(false);
    await expect(groups.describe(doomed)).rejects.toMatchObject({ category: 'not-found' });
    await expect(groups.delete(doomed)).rejects.toMatchObject({ category: 'not-found' });
  });

  it('a group that never existed is not found', async () => {
    await expect(groups.describe('it-no-such-group')).rejects.toMatchObject({ category: 'not-found', message: 'Group "it-no-such-group" does not exist.' });
  });
});

describe('a cluster that is down', () => {
  it('the list fails fast with an unavailable, retryable error', async () => {
    await expect(consumerGroups('down').list()).rejects.toMatchObject({ category: 'unavailable', retryable: true });
  });
});
