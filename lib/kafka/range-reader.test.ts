import { beforeEach, describe, expect, it, vi } from 'vitest';
import { NetworkError, Reader, ResponseError, createRecordsBatch, readRecordsBatch, type ClusterMetadata, type RecordsBatch } from '@platformatic/kafka';
import { ConsoleError } from '@/lib/domain/console-error';

/**
 * What the single-broker stack cannot show: partitions on different leaders, leaders moving,
 * fenced epochs, a broker going away. A scripted stand-in for the library's Consumer answers
 * Metadata, Fetch and ListOffsets; record batches are encoded and parsed by the library itself.
 */
interface FetchCall {
  node: number;
  isolationLevel: number;
  session: readonly [number, number];
  partitions: { partition: number; fetchOffset: bigint; currentLeaderEpoch: number }[];
}
type Answer = { records?: RecordsBatch[]; errorCode?: number; highWatermark?: bigint };

const fake = {
  leaders: new Map<number, { leader: number; epoch: number }>(),
  metadataCalls: [] as boolean[],
  fetches: [] as FetchCall[],
  logStart: 0n,
  /** Scripted per call: returns each partition's answer, or throws. */
  answer: (_call: FetchCall): Map<number, Answer> | Promise<Map<number, Answer>> => new Map(),
};

interface FetchTopic {
  topicId: string;
  partitions: FetchCall['partitions'];
}

/** Stands in for the library's Fetch v17 function: the connection the reader got for a broker says which node it is. */
async function scriptedFetch(connection: { node: number }, _maxWait: number, _minBytes: number, _maxBytes: number, isolationLevel: number, sessionId: number, sessionEpoch: number, topics: FetchTopic[]) {
  const call = { node: connection.node, isolationLevel, session: [sessionId, sessionEpoch] as const, partitions: topics[0]!.partitions.map((p) => ({ ...p })) };
  fake.fetches.push(call);
  const answers = await fake.answer(call);
  const response = {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: [
      {
        topicId: 'topic-id',
        partitions: call.partitions.map((p) => {
          const a = answers.get(p.partition) ?? {};
          return { partitionIndex: p.partition, errorCode: a.errorCode ?? 0, highWatermark: a.errorCode ? -1n : (a.highWatermark ?? 100n), lastStableOffset: -1n, logStartOffset: -1n, abortedTransactions: [], preferredReadReplica: -1, records: a.records };
        }),
      },
    ],
  };
  const failed = response.responses[0]!.partitions.flatMap((p, j) => (p.errorCode ? [[`/responses/0/partitions/${j}`, [p.errorCode, null] as [number, null]] as const] : []));
  if (failed.length) throw new ResponseError(1, 17, Object.fromEntries(failed), response);
  return response;
}

vi.mock('@platformatic/kafka', async (importOriginal) => {
  const original = await importOriginal<typeof import('@platformatic/kafka')>();
  return { ...original, fetchV17: { ...original.fetchV17, api: Object.assign(() => undefined, { async: scriptedFetch, key: 1, version: 17 }) } };
});

vi.mock('./platformatic-client', () => ({
  platformaticReaderFor: () => ({
    listApis: async () => [{ name: 'Fetch', minVersion: 4, maxVersion: 18 }],
    connections: { get: async (broker: { port: number }) => ({ node: broker.port }) },
    metadata: async ({ forceUpdate }: { forceUpdate: boolean }): Promise<ClusterMetadata> => {
      fake.metadataCalls.push(forceUpdate);
      const partitions = [...fake.leaders.values()].map(({ leader, epoch }) => ({ leader, leaderEpoch: epoch, replicas: [], isr: [], offlineReplicas: [] }));
      return {
        id: 'c',
        controllerId: 1,
        lastUpdate: 0,
        brokers: new Map([1, 2, 3].map((n) => [n, { host: 'h', port: n, rack: null }])),
        topics: new Map([['t', { id: 'topic-id', partitions, partitionsCount: partitions.length, lastUpdate: 0 }]]),
      };
    },
    listOffsets: async () => new Map([['t', [fake.logStart, fake.logStart, fake.logStart]]]),
  }),
}));

const { readRangesWithoutGroup } = await import('./range-reader');

function batch(firstOffset: bigint, count: number): RecordsBatch {
  const messages = Array.from({ length: count }, (_, i) => ({ topic: 't', partition: 0, key: Buffer.from('k'), value: Buffer.from(`v${firstOffset + BigInt(i)}`), timestamp: 1n }));
  const parsed = readRecordsBatch(Reader.from(createRecordsBatch(messages, { compression: 'none' })));
  parsed.firstOffset = firstOffset;
  return parsed;
}

/** Answers each partition with the records [fetchOffset, fetchOffset + 5) in one batch. */
const serve = (call: FetchCall) => new Map(call.partitions.map((p) => [p.partition, { records: [batch(p.fetchOffset, 5)] }]));

async function read(ranges: { partition: number; from: bigint; to: bigint }[]) {
  const got = new Map<number, string[]>();
  const result = await readRangesWithoutGroup('local', 't', ranges, {
    idleMs: 5_000,
    onRecords: (p, records) => {
      got.set(p, [...(got.get(p) ?? []), ...records.map((r) => r.offset)]);
      return 'continue';
    },
  });
  return { ...result, got };
}

beforeEach(() => {
  fake.leaders = new Map([
    [0, { leader: 1, epoch: 5 }],
    [1, { leader: 2, epoch: 5 }],
  ]);
  fake.metadataCalls = [];
  fake.fetches = [];
  fake.logStart = 0n;
  fake.answer = serve;
});

describe('readRangesWithoutGroup against a scripted cluster', () => {
  it('fetches from both leaders at once, each request naming only its partitions and their leader epoch', async () => {
    let arrived = 0;
    let bothIn!: () => void;
    const together = new Promise<void>((r) => (bothIn = r));
    fake.answer = async (call) => {
      if (++arrived === 2) bothIn();
      // The first request is held until the second leader has been asked too: sequential fetching would stall here.
      await Promise.race([together, new Promise((_, reject) => setTimeout(() => reject(new Error('fetched one leader at a time')), 2_000))]);
      return serve(call);
    };
    const result = await read([
      { partition: 0, from: 0n, to: 5n },
      { partition: 1, from: 10n, to: 15n },
    ]);
    expect(result.ended).toBe('complete');
    expect(fake.fetches.map((f) => [f.node, f.partitions.map((p) => [p.partition, p.fetchOffset, p.currentLeaderEpoch])]).sort()).toEqual([
      [1, [[0, 0n, 5]]],
      [2, [[1, 10n, 5]]],
    ]);
    expect(result.got.get(1)).toEqual(['10', '11', '12', '13', '14']);
    // read_committed, and sessionless (id 0, epoch -1): no incremental fetch session is opened on the broker.
    expect(fake.fetches.map((f) => [f.isolationLevel, ...f.session])).toEqual([
      [1, 0, -1],
      [1, 0, -1],
    ]);
  });

  it.each([
    ['NOT_LEADER_OR_FOLLOWER', 6],
    ['FENCED_LEADER_EPOCH', 74],
    ['UNKNOWN_LEADER_EPOCH', 75],
  ])('on %s refreshes the metadata and fetches from the new leader, the other partition unharmed', async (_name, code) => {
    fake.answer = (call) => {
      if (call.node === 2) {
        // The leader moved to broker 3 with a new epoch; the metadata says so from now on.
        fake.leaders.set(1, { leader: 3, epoch: 6 });
        return new Map([[1, { errorCode: code }]]);
      }
      return serve(call);
    };
    const result = await read([
      { partition: 0, from: 0n, to: 5n },
      { partition: 1, from: 0n, to: 5n },
    ]);
    expect(result.ended).toBe('complete');
    expect(fake.metadataCalls).toContain(true);
    expect(fake.fetches.filter((f) => f.partitions.some((p) => p.partition === 1)).map((f) => [f.node, f.partitions[0]!.currentLeaderEpoch])).toEqual([
      [2, 5],
      [3, 6],
    ]);
    expect(result.got.get(1)).toEqual(['0', '1', '2', '3', '4']);
    expect(Object.fromEntries(result.positions)).toEqual({ 0: 5n, 1: 5n });
  });

  it('goes on from the log start on OFFSET_OUT_OF_RANGE', async () => {
    fake.logStart = 7n;
    fake.answer = (call) => new Map(call.partitions.map((p) => [p.partition, p.fetchOffset < 7n ? { errorCode: 1 } : { records: [batch(p.fetchOffset, 3)] }]));
    const result = await read([{ partition: 0, from: 2n, to: 10n }]);
    expect(result.got.get(0)).toEqual(['7', '8', '9']);
    expect(result).toMatchObject({ ended: 'complete' });
  });

  it('gives up with "unavailable" when a partition never finds its leader', async () => {
    fake.answer = () => new Map([[0, { errorCode: 6 }]]);
    const error = await read([{ partition: 0, from: 0n, to: 5n }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConsoleError);
    expect(error).toMatchObject({ category: 'unavailable' });
    expect((error as Error).message).toMatch(/^Partition 0 of topic "t".*NOT_LEADER_OR_FOLLOWER/);
  }, 20_000);

  it('retries a leader that dropped the connection, then reads from where the metadata now points', async () => {
    let dropped = false;
    fake.answer = (call) => {
      if (!dropped) {
        dropped = true;
        fake.leaders.set(0, { leader: 2, epoch: 6 });
        throw new NetworkError('Connection closed');
      }
      return serve(call);
    };
    const result = await read([{ partition: 0, from: 0n, to: 5n }]);
    expect(result.ended).toBe('complete');
    expect(fake.fetches.map((f) => f.node)).toEqual([1, 2]);
  });

  it('fails at once, as the console error, on a protocol error it cannot retry', async () => {
    fake.answer = () => new Map([[0, { errorCode: 29 }]]); // TOPIC_AUTHORIZATION_FAILED
    const error = await read([{ partition: 0, from: 0n, to: 5n }]).catch((e: unknown) => e);
    expect(error).toMatchObject({ category: 'forbidden' });
    expect(fake.fetches).toHaveLength(1);
  });
});
