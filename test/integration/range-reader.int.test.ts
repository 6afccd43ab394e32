import './setup-env';
import { spawnSync } from 'node:child_process';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { CompressionTypes } from 'kafkajs';
import { ConsoleError } from '@/lib/domain/console-error';
import type { RawRecord } from '@/lib/domain/messages/decode-part';
import type { ReadRange } from '@/lib/domain/messages/browse-plan';
import { readRanges, readRangesWithGroup } from '@/lib/kafka/browse-consumer';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { READER_GROUP_ID, platformaticReaderFor } from '@/lib/kafka/platformatic-client';
import { fetchVersionFor, sessionlessFetch } from '@/lib/kafka/fetch-requests';
import type { RangeReadOptions } from '@/lib/kafka/range-read';
import { BOOTSTRAP, rawKafka, uniqueTopic } from './helpers';
import { eventually } from './messages-fixtures';

/**
 * The group-less reader against the real broker: what a read_committed consumer would see
 * (transactions, compression), several partitions, retention, abort, a deleted topic; and the
 * same records as the kafkajs group path (readRangesWithGroup) gave.
 */
const topics: string[] = [];
const admin = rawKafka.admin();
let adminConnected: Promise<void> | null = null;
const connectedAdmin = async () => {
  await (adminConnected ??= admin.connect());
  return admin;
};

async function createTopic(label: string, partitions = 1): Promise<string> {
  const topic = uniqueTopic(`reader-${label}`);
  await (await connectedAdmin()).createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }] });
  topics.push(topic);
  return topic;
}

async function highWatermarks(topic: string): Promise<Map<number, bigint>> {
  return new Map((await (await connectedAdmin()).fetchTopicOffsets(topic)).map((o) => [o.partition, BigInt(o.high)]));
}

async function wholeTopic(topic: string): Promise<ReadRange[]> {
  return [...(await highWatermarks(topic))].map(([partition, high]) => ({ partition, from: 0n, to: high }));
}

type Read = typeof readRanges;
async function collect(read: Read, topic: string, ranges: readonly ReadRange[], extra: Partial<RangeReadOptions> = {}) {
  const records: RawRecord[] = [];
  const result = await read('local', topic, ranges, {
    ...extra,
    onRecords: async (partition, batch) => {
      records.push(...batch);
      return extra.onRecords ? extra.onRecords(partition, batch) : 'continue';
    },
  });
  return { ...result, records };
}

const text = (b: Uint8Array | null) => (b === null ? null : Buffer.from(b).toString('utf8'));
const valuesOf = (records: RawRecord[]) => records.map((r) => text(r.value));
/** A record with Buffers turned to text, for comparing the two paths. */
const comparable = (r: RawRecord) => ({
  ...r,
  key: text(r.key),
  value: text(r.value),
  headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (x === undefined ? null : String(x))) : v === undefined ? null : String(v)])),
});

afterAll(async () => {
  const a = await connectedAdmin();
  await a.deleteTopics({ topics }).catch(() => undefined);
  await a.disconnect();
  await disconnectAll();
});

describe('transactions (read_committed)', () => {
  it('shows the committed transaction, hides the aborted one, and a range ending at the abort marker still completes', async () => {
    const topic = await createTopic('tx');
    const producer = rawKafka.producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ key: 'plain', value: 'before' }] });
      const committed = await producer.transaction();
      await committed.send({ topic, messages: [{ key: 'c', value: 'committed-1' }, { key: 'c', value: 'committed-2' }] });
      await committed.commit();
      const aborted = await producer.transaction();
      await aborted.send({ topic, messages: [{ key: 'a', value: 'aborted-1' }, { key: 'a', value: 'aborted-2' }, { key: 'a', value: 'aborted-3' }] });
      await aborted.abort();
    } finally {
      await producer.disconnect();
    }
    // before, 2 committed, commit marker, 3 aborted, abort marker: the range ends on the abort marker.
    // The broker writes the marker after abort() returns; the last stable offset (what kafkajs reports) reaches 8 then.
    const high = await eventually(async () => (await highWatermarks(topic)).get(0)!, (h) => h === 8n);
    expect(high).toBe(8n);
    const read = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: high }], { idleMs: 10_000 });
    expect(valuesOf(read.records)).toEqual(['before', 'committed-1', 'committed-2']);
    expect(read.ended).toBe('complete');
    expect(read.positions.get(0)).toBe(8n);

    // Starting inside the aborted transaction: nothing to show, and still complete.
    const tail = await collect(readRanges, topic, [{ partition: 0, from: 5n, to: high }], { idleMs: 10_000 });
    expect(tail.records).toEqual([]);
    expect(tail).toMatchObject({ ended: 'complete' });
    expect(tail.positions.get(0)).toBe(8n);

    const old = await collect(readRangesWithGroup, topic, [{ partition: 0, from: 0n, to: high }]);
    expect(read.records.map(comparable)).toEqual(old.records.map(comparable));
  });

  it('does not show an open transaction; the read goes idle at the last stable offset', async () => {
    const topic = await createTopic('open-tx');
    const producer = rawKafka.producer({ transactionalId: `${topic}-tx`, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: [{ value: 'stable' }] });
      const open = await producer.transaction();
      await open.send({ topic, messages: [{ value: 'not-yet' }] });
      // kafkajs' fetchTopicOffsets (read_committed) says 1, the last stable offset; the log holds 2.
      expect((await highWatermarks(topic)).get(0)).toBe(1n);
      const read = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 2n }], { idleMs: 600 });
      expect(valuesOf(read.records)).toEqual(['stable']);
      expect(read.ended).toBe('idle');
      expect(read.positions.get(0)).toBe(1n);
      await open.abort();
    } finally {
      await producer.disconnect();
    }
  });
});

describe('record shapes', () => {
  it('decodes gzip-compressed batches, with headers (repeated keys) and null keys, exactly as the kafkajs path did', async () => {
    const topic = await createTopic('gzip');
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const big = JSON.stringify({ note: 'x'.repeat(4000) });
    try {
      await producer.send({
        topic,
        compression: CompressionTypes.GZIP,
        messages: Array.from({ length: 20 }, (_, i) => ({ key: i % 5 === 0 ? null : `k${i}`, value: i === 7 ? big : `gz-${i}`, headers: { trace: `t${i}`, tag: ['a', 'b'] }, timestamp: String(1_700_000_000_000 + i) })),
      });
    } finally {
      await producer.disconnect();
    }
    const ranges = await wholeTopic(topic);
    const read = await collect(readRanges, topic, ranges);
    expect(read.ended).toBe('complete');
    expect(read.records).toHaveLength(20);
    expect(text(read.records[7]!.value)).toBe(big);
    expect(comparable(read.records[3]!)).toMatchObject({ offset: '3', timestamp: '1700000000003', key: 'k3', value: 'gz-3', headers: { trace: 't3', tag: ['a', 'b'] } });
    expect(read.records[5]!.key).toBeNull();

    const old = await collect(readRangesWithGroup, topic, ranges);
    expect(read.records.map(comparable)).toEqual(old.records.map(comparable));
  });
});

/** Records written by kcat (librdkafka), which has every codec; kafkajs has only gzip built in. */
function kcatProduce(topic: string, codec: string, lines: string[]) {
  const run = spawnSync('kcat', ['-P', '-b', BOOTSTRAP, '-t', topic, '-p', '0', '-z', codec, '-K', ':', '-X', 'linger.ms=200'], { input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) throw new Error(`kcat failed: ${run.error?.message ?? run.stderr}`);
}
const hasKcat = spawnSync('kcat', ['-V']).status === 0;

describe.skipIf(!hasKcat)('other codecs (records written by kcat)', () => {
  it.each(['snappy', 'lz4'])('decodes %s batches', async (codec) => {
    const topic = await createTopic(codec);
    const lines = Array.from({ length: 50 }, (_, i) => `k${i}:${codec}-${i}-${'z'.repeat(100)}`);
    kcatProduce(topic, codec, lines);
    const read = await collect(readRanges, topic, await wholeTopic(topic));
    expect(read.ended).toBe('complete');
    expect(read.records.map((r) => `${text(r.key)}:${text(r.value)}`)).toEqual(lines);
  });

  it('zstd: decoded where Node has zstd, otherwise a clear "unsupported" error naming the topic', async () => {
    const topic = await createTopic('zstd');
    // Compressible, or librdkafka sends it uncompressed.
    const value = `zstd-${'z'.repeat(2000)}`;
    kcatProduce(topic, 'zstd', [`k:${value}`]);
    const outcome = await collect(readRanges, topic, await wholeTopic(topic)).catch((e: unknown) => e);
    if (typeof (zlib as { zstdDecompressSync?: unknown }).zstdDecompressSync === 'function') {
      expect(valuesOf((outcome as { records: RawRecord[] }).records)).toEqual([value]);
    } else {
      expect(outcome).toMatchObject({ category: 'unsupported' });
      expect((outcome as Error).message).toContain(topic);
      expect((outcome as Error).message).toMatch(/zstd/);
    }
  });
});

describe('ranges and partitions', () => {
  it('reads ranges of 3 partitions, each within its own bounds, and stops a partition on partition-done', async () => {
    const topic = await createTopic('three', 3);
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      // Ten sends of three: batches small enough that a 256-byte fetch takes a few of them at a time.
      for (const partition of [0, 1, 2]) {
        for (let i = 0; i < 30; i += 3) await producer.send({ topic, messages: [i, i + 1, i + 2].map((n) => ({ partition, value: `p${partition}-${n}` })) });
      }
    } finally {
      await producer.disconnect();
    }
    const ranges = [
      { partition: 0, from: 0n, to: 30n },
      { partition: 1, from: 10n, to: 20n },
      { partition: 2, from: 25n, to: 30n },
    ];
    const read = await collect(readRanges, topic, ranges, { consumerOptions: { maxBytesPerPartition: 256 } });
    expect(read.ended).toBe('complete');
    const by = (p: number) => read.records.filter((r) => r.partition === p).map((r) => text(r.value));
    expect(by(0)).toEqual(Array.from({ length: 30 }, (_, i) => `p0-${i}`));
    expect(by(1)).toEqual(Array.from({ length: 10 }, (_, i) => `p1-${i + 10}`));
    expect(by(2)).toEqual(['p2-25', 'p2-26', 'p2-27', 'p2-28', 'p2-29']);
    expect(Object.fromEntries(read.positions)).toEqual({ 0: 30n, 1: 20n, 2: 30n });

    const calls: number[] = [];
    const partial = await collect(readRanges, topic, ranges, {
      consumerOptions: { maxBytesPerPartition: 256 },
      onRecords: (partition) => {
        calls.push(partition);
        return partition === 0 ? 'partition-done' : 'continue';
      },
    });
    expect(partial.ended).toBe('complete');
    expect(calls.filter((p) => p === 0)).toHaveLength(1);
    expect(partial.positions.get(0)! < 30n).toBe(true);
    expect(partial.positions.get(1)).toBe(20n);

    const stopped = await collect(readRanges, topic, ranges, { consumerOptions: { maxBytesPerPartition: 256 }, onRecords: () => 'stop' });
    expect(stopped.ended).toBe('stopped');
  });

  it('starts at the log start when the range begins below it (deleteRecords moved it)', async () => {
    const topic = await createTopic('retention');
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `r${i}` })) });
    } finally {
      await producer.disconnect();
    }
    const a = await connectedAdmin();
    // kafkajs finds leaders in its cached metadata; a topic made after the admin connected needs it refreshed first.
    await a.fetchTopicMetadata({ topics: [topic] });
    await a.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '6' }] });
    const read = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 10n }]);
    expect(valuesOf(read.records)).toEqual(['r6', 'r7', 'r8', 'r9']);
    expect(read).toMatchObject({ ended: 'complete' });
    expect(read.positions.get(0)).toBe(10n);

    const below = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 4n }]);
    expect(below.records).toEqual([]);
    expect(below.ended).toBe('complete');
    expect(below.positions.get(0)).toBe(4n);

    const past = await collect(readRanges, topic, [{ partition: 0, from: 50n, to: 60n }]);
    expect(past).toMatchObject({ ended: 'complete', records: [] });
    expect(past.positions.get(0)).toBe(50n);
  });
});

describe('ending early and failing', () => {
  it('returns "aborted" when the signal fires mid-read, and at once when it already has', async () => {
    const topic = await createTopic('abort');
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    try {
      for (let i = 0; i < 200; i += 10) await producer.send({ topic, messages: Array.from({ length: 10 }, (_, n) => ({ value: `a${i + n}`.padEnd(200, '.') })) });
    } finally {
      await producer.disconnect();
    }
    const controller = new AbortController();
    let calls = 0;
    const read = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 200n }], {
      signal: controller.signal,
      consumerOptions: { maxBytesPerPartition: 1024 },
      onRecords: () => {
        calls++;
        controller.abort();
        return 'continue';
      },
    });
    expect(read.ended).toBe('aborted');
    expect(calls).toBe(1);
    expect(read.positions.get(0)! < 200n).toBe(true);

    const already = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 200n }], { signal: AbortSignal.abort() });
    expect(already).toMatchObject({ ended: 'aborted', records: [] });
  });

  it('says not-found, naming the topic, when the topic was deleted after a read (its id cached) and when it never existed', async () => {
    const topic = await createTopic('deleted');
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'x' }] });
    await producer.disconnect();
    expect((await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 1n }])).records).toHaveLength(1);
    await (await connectedAdmin()).deleteTopics({ topics: [topic] });

    const deleted = await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 1n }]).catch((e: unknown) => e);
    expect(deleted).toBeInstanceOf(ConsoleError);
    expect(deleted).toMatchObject({ category: 'not-found' });
    expect((deleted as ConsoleError).message).toContain(topic);

    const never = await collect(readRanges, `${topic}-never`, [{ partition: 0, from: 0n, to: 1n }]).catch((e: unknown) => e);
    expect(never).toMatchObject({ category: 'not-found' });
    expect((never as ConsoleError).message).toContain(`${topic}-never`);
  });

  it('says not-found for a partition the topic does not have', async () => {
    const topic = await createTopic('no-partition');
    const error = await collect(readRanges, topic, [{ partition: 4, from: 0n, to: 1n }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'not-found' });
    expect((error as ConsoleError).message).toMatch(/no partition 4/);
  });

  it('says unavailable when the cluster cannot be reached', async () => {
    const error = await readRanges('down', 'anything', [{ partition: 0, from: 0n, to: 1n }], { onRecords: () => 'continue' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({ category: 'unavailable' });
  });

  it('leaves no group on the cluster: the reader never joins one', async () => {
    const topic = await createTopic('no-group');
    const producer = rawKafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'x' }] });
    await producer.disconnect();
    const before = new Set((await (await connectedAdmin()).listGroups()).groups.map((g) => g.groupId));
    await collect(readRanges, topic, [{ partition: 0, from: 0n, to: 1n }]);
    const after = (await (await connectedAdmin()).listGroups()).groups.map((g) => g.groupId);
    expect(after.filter((g) => !before.has(g) && (g === READER_GROUP_ID || g.startsWith('kea-')))).toEqual([]);
    expect(after).not.toContain(READER_GROUP_ID);
  });

  it('opens no fetch session on the broker: its answer carries session id 0', async () => {
    const topic = await createTopic('no-session');
    const reader = platformaticReaderFor('local');
    const metadata = await reader.metadata({ topics: [topic] });
    const meta = metadata.topics.get(topic)!;
    const response = await sessionlessFetch(reader, await fetchVersionFor(reader), metadata.brokers.get(meta.partitions[0]!.leader)!, {
      topicId: meta.id,
      partitions: [{ partition: 0, fetchOffset: 0n, currentLeaderEpoch: meta.partitions[0]!.leaderEpoch, lastFetchedEpoch: -1, partitionMaxBytes: 1024 }],
    }, { maxWait: 10, total: 1024 });
    expect(response.errorCode).toBe(0);
    expect(response.sessionId).toBe(0);
  });
});
