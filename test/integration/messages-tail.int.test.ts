import './setup-env';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as tailRoute } from '@/app/api/clusters/[cluster]/topics/[topic]/tail/route';
import { GET as searchRoute } from '@/app/api/clusters/[cluster]/topics/[topic]/search/route';
import { encodeStreamCursor } from '@/lib/domain/stream/stream-cursor';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { EVENT_STREAM_HEADERS } from '@/lib/domain/stream/stream-events';
import { closeAllTailSources, tailSourceStats, VIEWER_MAX_ITEMS } from '@/lib/kafka/tail-source';
import { openTailStream } from '@/lib/kafka/tail-stream';
import { rawKafka, uniqueTopic } from './helpers';
import { allGroups, ephemeralGroups, eventually } from './messages-fixtures';
import { SseClient, startRouteServer } from './messages-sse';

const topics: string[] = [];
const servers: { close: () => Promise<void> }[] = [];
const producer = rawKafka.producer({ allowAutoTopicCreation: false });

async function createTopic(label: string, partitions = 3) {
  const topic = uniqueTopic(label);
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  await admin.disconnect();
  topics.push(topic);
  return topic;
}

let seq = 0;
async function write(topic: string, count: number, size = 0) {
  const pad = 'x'.repeat(size);
  for (let done = 0; done < count; done += 1_000) {
    const n = Math.min(1_000, count - done);
    await producer.send({ topic, messages: Array.from({ length: n }, () => ({ key: `k${seq}`, value: JSON.stringify({ seq: seq++, pad }) })) });
  }
}

async function server(route: typeof tailRoute, topic: string) {
  const s = await startRouteServer(route as never, { cluster: 'local', topic });
  servers.push(s);
  return s;
}

const tailsOf = (topic: string) => tailSourceStats('local').filter((t) => t.topic === topic);

/** Every partition's offsets, exactly once each and with no hole, from each first offset seen. */
function expectContiguous(received: { partition: number; offset: string }[], expectedTotal: number) {
  const byPartition = new Map<number, number[]>();
  for (const m of received) byPartition.set(m.partition, [...(byPartition.get(m.partition) ?? []), Number(m.offset)]);
  for (const [partition, offsets] of byPartition) {
    const sorted = [...offsets].sort((a, b) => a - b);
    expect(new Set(offsets).size, `partition ${partition} has duplicates`).toBe(offsets.length);
    expect(sorted.at(-1)! - sorted[0]! + 1, `partition ${partition} has a gap`).toBe(sorted.length);
  }
  expect(received.length).toBe(expectedTotal);
}

beforeAll(async () => {
  await producer.connect();
});

afterAll(async () => {
  await producer.disconnect();
  await Promise.all(servers.map((s) => s.close()));
  await closeAllTailSources();
  const admin = rawKafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  await disconnectAll();
});

describe('live tail over SSE (real HTTP, real broker)', () => {
  it('streams new records in batches with the SSE headers, ids and a progress event', async () => {
    const topic = await createTopic('tail-basic');
    await write(topic, 50);
    const { url } = await server(tailRoute, topic);
    const client = new SseClient(`${url}/`);
    await client.until(() => client.events.some((e) => e.event === 'progress'));
    await write(topic, 200);
    await client.until(() => client.messages().length >= 200);
    expect(client.messages().map((m) => (m.value.value as { seq: number }).seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => seq - 200 + i));
    expect(client.events.filter((e) => e.event === 'batch').every((e) => e.id?.startsWith('v1.'))).toBe(true);
    client.destroy();
  });

  it('resumes after a reconnect with Last-Event-ID: no gap, no duplicate (shared consumer alive, then restarted)', async () => {
    const topic = await createTopic('tail-resume');
    const { url } = await server(tailRoute, topic);
    const received: { partition: number; offset: string }[] = [];

    const first = new SseClient(`${url}/`);
    await first.until(() => first.events.length > 0);
    await write(topic, 300);
    await first.until(() => first.messages().length >= 100);
    first.destroy();
    received.push(...first.messages());
    const resumeAt = first.lastId!;

    // Written while disconnected: the catch-up must read them once.
    await write(topic, 300);
    const second = new SseClient(`${url}/`, { 'Last-Event-ID': resumeAt });
    await second.until(() => received.length + second.messages().length >= 600);
    received.push(...second.messages());
    expectContiguous(received, 600);
    second.destroy();

    // Long enough for the shared consumer to close: the next one starts at the resumed position.
    const resumeAgain = second.lastId!;
    await eventually(async () => tailsOf(topic), (t) => t.length === 0);
    await write(topic, 150);
    const third = new SseClient(`${url}/`, { 'Last-Event-ID': resumeAgain });
    await third.until(() => received.length + third.messages().length >= 750);
    received.push(...third.messages());
    expectContiguous(received, 750);
    third.destroy();
  });

  it('a slow client loses its oldest records, counted: received + dropped = written, memory bounded', async () => {
    const topic = await createTopic('tail-slow', 1);
    const { url } = await server(tailRoute, topic);
    const slow = new SseClient(`${url}/`);
    await slow.until(() => slow.events.some((e) => e.event === 'progress'));
    slow.pause();
    const total = VIEWER_MAX_ITEMS * 4;
    await write(topic, total, 200);
    await eventually(async () => tailsOf(topic)[0]?.consumed ?? 0, (n) => n >= total, 30_000);
    slow.resume();
    await slow.until(() => {
      const p = slow.lastProgress();
      return p !== undefined && slow.messages().length + p.dropped >= total;
    }, 60_000);
    const dropped = slow.lastProgress()!.dropped;
    expect(dropped).toBeGreaterThan(0);
    expect(slow.messages().length + dropped).toBe(total);
    // What arrived is the newest: offsets only go up, and the last one is the last written.
    const offsets = slow.messages().map((m) => Number(m.offset));
    expect(offsets.every((o, i) => i === 0 || o > offsets[i - 1]!)).toBe(true);
    expect(offsets.at(-1)).toBe(total - 1);
    slow.destroy();
  }, 120_000);

  it('sends a heartbeat comment and event every heartbeatMs, also while progress events flow', async () => {
    const topic = await createTopic('tail-heartbeat', 1);
    const route = async (request: Request) => new Response(await openTailStream({ cluster: 'local', topic, heartbeatMs: 300, signal: request.signal }), { headers: EVENT_STREAM_HEADERS });
    const s = await startRouteServer(route as never, {});
    servers.push(s);
    const client = new SseClient(`${s.url}/`);
    await client.until(() => client.events.filter((e) => e.event === 'heartbeat').length >= 3, 10_000);
    expect(client.comments.filter((c) => c.startsWith('heartbeat ')).length).toBeGreaterThanOrEqual(3);
    expect(client.events.some((e) => e.event === 'progress')).toBe(true);
    const beats = client.events.filter((e) => e.event === 'heartbeat').map((e) => (JSON.parse(e.data) as { at: number }).at);
    // About every 300 ms (the ticker runs at that pace), never bunched up.
    for (let i = 1; i < beats.length; i++) expect(beats[i]! - beats[i - 1]!).toBeGreaterThanOrEqual(300);
    client.destroy();
  });

  it('follows partitions added to the topic while it is tailed, from their first record', async () => {
    const topic = await createTopic('tail-grow', 1);
    const { url } = await server(tailRoute, topic);
    const client = new SseClient(`${url}/`);
    await client.until(() => client.events.some((e) => e.event === 'progress'));
    const admin = rawKafka.admin();
    await admin.connect();
    await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
    // Written once every new partition has a leader: a (non-idempotent) send retried over a partition
    // not ready yet writes the others twice, which the tail would then rightly show twice.
    await eventually(async () => (await admin.fetchTopicMetadata({ topics: [topic] })).topics[0]!.partitions.filter((p) => p.leader >= 0).length, (n) => n === 3);
    for (const partition of [0, 1, 2]) await producer.send({ topic, messages: [{ partition, value: JSON.stringify({ partition }) }] });
    const inKafka = (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, high: Number(o.high) }));
    await admin.disconnect();
    expect(inKafka.every((o) => o.high >= 1)).toBe(true);
    const total = inKafka.reduce((n, o) => n + o.high, 0);
    await client.until(() => client.messages().length >= total, 30_000);
    // Every record of the new partitions from offset 0, and of partition 0, once each.
    expectContiguous(client.messages(), total);
    expect([...new Set(client.messages().map((m) => m.partition))].sort()).toEqual([0, 1, 2]);
    expect(client.messages().filter((m) => m.offset === '0').map((m) => m.partition).sort()).toEqual([0, 1, 2]);
    client.destroy();
  }, 60_000);

  it('closing the connection closes the viewer, and the shared consumer with the last one; the tail joins no consumer group', async () => {
    const topic = await createTopic('tail-close');
    const groupsBefore = await allGroups();
    const { url } = await server(tailRoute, topic);
    const a = new SseClient(`${url}/`);
    const b = new SseClient(`${url}/`);
    await a.until(() => a.events.length > 0);
    await b.until(() => b.events.length > 0);
    expect(tailsOf(topic)[0]?.viewers).toBe(2);
    // Records flow while both watch, and no group exists on the cluster for it (none new at all).
    await write(topic, 5);
    await a.until(() => a.messages().length === 5);
    expect((await allGroups()).filter((g) => !groupsBefore.includes(g))).toEqual([]);
    a.destroy();
    await eventually(async () => tailsOf(topic)[0]?.viewers, (n) => n === 1, 5_000);
    expect(tailsOf(topic)[0]?.viewers).toBe(1);
    const closedAt = Date.now();
    b.destroy();
    await eventually(async () => tailsOf(topic), (t) => t.length === 0, 5_000);
    expect(tailsOf(topic)).toEqual([]);
    expect(Date.now() - closedAt).toBeLessThan(5_000);
  });

  it('viewers of one shared consumer: one replays history; one resuming ahead of it gets none of that, nor does a filtered one, which gets only its matches', async () => {
    const topic = await createTopic('tail-mixed', 1);
    // Enough that the replay is still running when the others join (so they must skip its history), and
    // fewer than a viewer's queue holds (so the replaying client can never lose any).
    const history = VIEWER_MAX_ITEMS - 1_000;
    await write(topic, history, 200);
    const firstNew = seq;
    const { url } = await server(tailRoute, topic);
    // Resuming from offset 0 starts the shared consumer there: the whole topic goes through the live path.
    const replay = new SseClient(`${url}/`, { 'Last-Event-ID': encodeStreamCursor(topic, new Map([[0, 0n]]))! });
    // Its first event comes before the consumer has joined: the others join a source far behind where they resume.
    await replay.until(() => replay.events.length > 0);
    const ahead = { 'Last-Event-ID': encodeStreamCursor(topic, new Map([[0, BigInt(history)]]))! };
    const atEnd = new SseClient(`${url}/`, ahead);
    const evens = new SseClient(`${url}/?filter=${encodeURIComponent('value.seq % 2 === 0')}`, ahead);
    await atEnd.until(() => atEnd.events.some((e) => e.event === 'progress'));
    await evens.until(() => evens.events.some((e) => e.event === 'progress'));
    expect(tailsOf(topic)).toHaveLength(1);
    await write(topic, 100);
    await replay.until(() => replay.messages().length >= history + 100, 60_000);
    await atEnd.until(() => atEnd.messages().length >= 100);
    await evens.until(() => evens.messages().length >= 50);
    const seqs = (c: SseClient) => c.messages().map((m) => (m.value.value as { seq: number }).seq);
    expectContiguous(replay.messages(), history + 100);
    expect(replay.lastProgress()?.dropped).toBe(0);
    expect(seqs(atEnd)).toEqual(Array.from({ length: 100 }, (_, i) => firstNew + i));
    expect(seqs(evens)).toEqual(Array.from({ length: 100 }, (_, i) => firstNew + i).filter((n) => n % 2 === 0));
    for (const c of [replay, atEnd, evens]) c.destroy();
  }, 90_000);

  it('reports a filter that does not compile as an error event naming the field', async () => {
    const topic = await createTopic('tail-badfilter', 1);
    const { url } = await server(tailRoute, topic);
    const client = new SseClient(`${url}/?filter=${encodeURIComponent('value.x ===')}`);
    await client.until(() => client.events.some((e) => e.event === 'error'));
    const error = JSON.parse(client.events.find((e) => e.event === 'error')!.data).error;
    expect(error).toMatchObject({ category: 'invalid-input', field: 'filter' });
    expect(error.message).toMatch(/line 1, column/);
  });
});

describe('search over SSE', () => {
  let topic: string;
  beforeAll(async () => {
    topic = await createTopic('search', 3);
    seq = 0;
    // ~1 KB records: each partition holds more than one fetch (1 MiB), so the scan must move on between fetches.
    await write(topic, 3_000, 1_000);
  });

  it('scans with progress and stops at N matches', async () => {
    const { url } = await server(searchRoute, topic);
    const client = new SseClient(`${url}/?filter=${encodeURIComponent('value.seq % 100 === 7')}&max=20`);
    await client.until(() => client.lastProgress()?.done === true);
    expect(client.messages()).toHaveLength(20);
    expect(client.messages().every((m) => (m.value.value as { seq: number }).seq % 100 === 7)).toBe(true);
    const progress = client.events.filter((e) => e.event === 'progress').map((e) => JSON.parse(e.data));
    expect(progress.at(-1).matched).toBe(20);
    expect(progress.at(-1).scanned).toBeGreaterThanOrEqual(20);
  });

  it('scans to the end when fewer match', async () => {
    const { url } = await server(searchRoute, topic);
    const client = new SseClient(`${url}/?filter=${encodeURIComponent('value.seq >= 2990')}&max=1000`);
    await client.until(() => client.lastProgress()?.done === true);
    expect(client.lastProgress()).toMatchObject({ scanned: 3_000, matched: 10 });
  });

  it('is cancelled by closing the connection', async () => {
    const before = new Set(await ephemeralGroups());
    const { url } = await server(searchRoute, topic);
    const client = new SseClient(`${url}/?filter=${encodeURIComponent('false')}`);
    await client.until(() => client.events.some((e) => e.event === 'progress'));
    client.destroy();
    const ours = (groups: string[]) => groups.filter((g) => !before.has(g));
    expect(ours(await eventually(ephemeralGroups, (g) => ours(g).length === 0))).toEqual([]);
  });
});

describe('nothing left behind', () => {
  it('no ephemeral consumer group remains after browse, tail and search', async () => {
    await closeAllTailSources();
    expect(await eventually(ephemeralGroups, (g) => g.length === 0)).toEqual([]);
  });
});
