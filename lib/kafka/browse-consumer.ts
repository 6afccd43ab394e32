import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { RawRecord } from '@/lib/domain/messages/decode-part';
import type { ReadRange } from '@/lib/domain/messages/browse-plan';
import { clusterConfig } from '@/lib/config/load-config';
import { logger } from '@/lib/log/logger';
import { adminFor, kafkaClientFor } from './client-pool';
import { toConsoleError } from './errors';
import type { RangeReadOptions, RangeReadResult } from './range-read';
import { readRangesWithoutGroup } from './range-reader';

/**
 * The console reads without any consumer group: ranges (browse, search, catch-up) and the live
 * tail's follow go through range-reader.ts. What is here is the kafkajs way it replaced, kept for
 * bench/browse-latency.mjs and the parity test (readRangesWithGroup). kafkajs
 * has no way to assign partitions without a consumer group, so each consumer joins a group of its
 * own, clearly named `kea-ephemeral-<uuid>`, never commits (autoCommit off: kafkajs then seeks
 * locally, see its OffsetManager.seek), and deletes the group once the consumer has left. Should the server die
 * before that, the janitor deletes empty groups with the prefix the next time a read starts.
 */
export const EPHEMERAL_GROUP_PREFIX = 'kea-ephemeral-';

const log = logger.child({ component: 'browse-consumer' });

const globalForConsumers = globalThis as unknown as { keaConsumerClients?: Map<string, Kafka>; keaJanitorRan?: Set<string> };
const clients = (globalForConsumers.keaConsumerClients ??= new Map());
const janitorRan = (globalForConsumers.keaJanitorRan ??= new Set());

function consumerClientFor(clusterName: string): Kafka {
  let kafka = clients.get(clusterName);
  if (!kafka) {
    kafka = kafkaClientFor(clusterConfig(clusterName));
    clients.set(clusterName, kafka);
  }
  return kafka;
}

export interface EphemeralConsumer {
  consumer: Consumer;
  groupId: string;
  /** Leaves the group and deletes it; safe to call twice. */
  close(): Promise<void>;
}

export interface EphemeralConsumerOptions {
  maxWaitTimeInMs?: number;
  maxBytesPerPartition?: number;
  maxBytes?: number;
}

export function createEphemeralConsumer(clusterName: string, options: EphemeralConsumerOptions = {}): EphemeralConsumer {
  runJanitorOnce(clusterName);
  const groupId = `${EPHEMERAL_GROUP_PREFIX}${randomUUID()}`;
  const consumer = consumerClientFor(clusterName).consumer({
    groupId,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: options.maxWaitTimeInMs ?? 100,
    maxBytesPerPartition: options.maxBytesPerPartition ?? 1024 * 1024,
    maxBytes: options.maxBytes ?? 8 * 1024 * 1024,
    sessionTimeout: 10_000,
    heartbeatInterval: 3_000,
    retry: { retries: 2, restartOnFailure: async () => false },
  });
  let closing: Promise<void> | null = null;
  return {
    consumer,
    groupId,
    close: () =>
      (closing ??= (async () => {
        await consumer.disconnect().catch((e: unknown) => log.warn({ err: e, groupId }, 'consumer disconnect failed'));
        await deleteEphemeralGroup(clusterName, groupId);
      })()),
  };
}

/** Deletes a group this process made. A group that never formed (the join failed) is fine. */
export async function deleteEphemeralGroup(clusterName: string, groupId: string): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const admin = await adminFor(clusterName);
      await admin.deleteGroups([groupId]);
      return;
    } catch (e) {
      const codes = groupErrorCodes(e);
      if (codes.includes('GROUP_ID_NOT_FOUND')) return;
      if (attempt === 5) {
        log.warn({ err: e, groupId }, 'could not delete an ephemeral consumer group; the janitor will retry');
        return;
      }
      // The leave may not have reached the coordinator yet (NON_EMPTY_GROUP), or it moved.
      await new Promise((r) => setTimeout(r, 150 * attempt));
    }
  }
}

function groupErrorCodes(e: unknown): string[] {
  const groups = (e as { groups?: { error?: { type?: string } }[] }).groups ?? [];
  const own = (e as { type?: string }).type;
  return [...groups.map((g) => g.error?.type ?? ''), own ?? ''];
}

/** Deletes empty leftovers of earlier processes (a crash between leave and delete). Never blocks a read. */
function runJanitorOnce(clusterName: string): void {
  if (janitorRan.has(clusterName)) return;
  janitorRan.add(clusterName);
  void (async () => {
    const admin = await adminFor(clusterName);
    const { groups } = await admin.listGroups();
    const ours = groups.map((g) => g.groupId).filter((id) => id.startsWith(EPHEMERAL_GROUP_PREFIX));
    if (!ours.length) return;
    const described = await admin.describeGroups(ours);
    const empty = described.groups.filter((g) => g.state === 'Empty' || g.state === 'Dead').map((g) => g.groupId);
    if (empty.length) await admin.deleteGroups(empty);
    log.info({ cluster: clusterName, deleted: empty.length }, 'deleted leftover ephemeral consumer groups');
  })().catch((e: unknown) => log.warn({ err: e }, 'ephemeral group janitor failed'));
}

export function rawRecordOf(topic: string, partition: number, m: KafkaMessage): RawRecord {
  return { topic, partition, offset: m.offset, timestamp: m.timestamp, key: m.key, value: m.value, headers: m.headers as RawRecord['headers'] };
}

export type { RangeReadOptions, RangeReadResult } from './range-read';

/**
 * Reads records [from, to) of each range: browse, search, the tail's catch-up and fetching one
 * record. Group-less (range-reader.ts): Fetch requests straight to the leaders.
 */
export function readRanges(clusterName: string, topic: string, ranges: readonly ReadRange[], options: RangeReadOptions): Promise<RangeReadResult> {
  return readRangesWithoutGroup(clusterName, topic, ranges, options);
}

/**
 * The previous way, kept so bench/browse-latency.mjs and the parity test can compare against it;
 * the console does not call it. Reads with an ephemeral consumer, then closes it and deletes its
 * group. Partitions outside the ranges are paused, so they are never fetched.
 */
export async function readRangesWithGroup(clusterName: string, topic: string, ranges: readonly ReadRange[], options: RangeReadOptions): Promise<RangeReadResult> {
  const positions = new Map(ranges.map((r) => [r.partition, r.from]));
  const pending = new Map(ranges.filter((r) => r.from < r.to).map((r) => [r.partition, r]));
  if (pending.size === 0) return { positions, ended: 'complete' };
  if (options.signal?.aborted) return { positions, ended: 'aborted' };

  const ephemeral = createEphemeralConsumer(clusterName, options.consumerOptions);
  const { consumer } = ephemeral;
  let finish!: (ended: RangeReadResult['ended']) => void;
  let fail!: (e: unknown) => void;
  const done = new Promise<RangeReadResult['ended']>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  // A crash before the await below must not count as an unhandled rejection.
  done.catch(() => undefined);
  let ended: RangeReadResult['ended'] | null = null;
  const end = (why: RangeReadResult['ended']) => {
    if (ended) return;
    ended = why;
    finish(why);
  };
  let lastProgress = Date.now();
  let joined = false;
  const timers: NodeJS.Timeout[] = [];
  const onAbort = () => end('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const partitionDone = (partition: number) => {
    pending.delete(partition);
    consumer.pause([{ topic, partitions: [partition] }]);
    if (pending.size === 0) end('complete');
  };

  try {
    consumer.on(consumer.events.CRASH, (event) => fail(event.payload.error));
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      lastProgress = Date.now();
    });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      // Batches auto-resolve (kafkajs then fetches on from the batch's end); with autoCommit off that stays local.
      autoCommit: false,
      eachBatch: async ({ batch }: EachBatchPayload) => {
        const range = pending.get(batch.partition);
        if (!range || ended) return;
        const next = positions.get(batch.partition)!;
        const records: RawRecord[] = [];
        for (const m of batch.messages) {
          const offset = BigInt(m.offset);
          if (offset < next) continue;
          if (offset >= range.to) break;
          records.push(rawRecordOf(topic, batch.partition, m));
        }
        // The batch's last offset counts records a read skips (transaction markers), so a range ending in them still ends.
        const after = BigInt(batch.lastOffset()) + 1n;
        const position = records.length ? BigInt(records.at(-1)!.offset) + 1n : next;
        const reached = after > position ? (after < range.to ? after : range.to) : position;
        positions.set(batch.partition, reached > next ? reached : next);
        lastProgress = Date.now();
        if (records.length) {
          const verdict = await options.onRecords(batch.partition, records);
          if (verdict === 'stop') return end('stopped');
          if (verdict === 'partition-done') return partitionDone(batch.partition);
        }
        if (positions.get(batch.partition)! >= range.to || BigInt(batch.highWatermark) <= positions.get(batch.partition)!) partitionDone(batch.partition);
      },
    });
    const outside = (options.partitions ?? (await consumerPartitions(clusterName, topic))).filter((p) => !pending.has(p));
    if (outside.length) consumer.pause([{ topic, partitions: outside }]);
    for (const r of pending.values()) consumer.seek({ topic, partition: r.partition, offset: r.from.toString() });

    const timeoutMs = options.timeoutMs ?? 20_000;
    const idleMs = options.idleMs ?? 3_000;
    const started = Date.now();
    timers.push(
      setInterval(() => {
        if (Date.now() - started > timeoutMs) end('timeout');
        else if (joined && Date.now() - lastProgress > idleMs) end('idle');
      }, 100),
    );
    return { positions, ended: await done };
  } catch (e) {
    throw toConsoleError(e, { clusterName, topic });
  } finally {
    for (const t of timers) clearInterval(t);
    options.signal?.removeEventListener('abort', onAbort);
    await ephemeral.close();
  }
}

async function consumerPartitions(clusterName: string, topic: string): Promise<number[]> {
  const admin = await adminFor(clusterName);
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.map((o) => o.partition);
}
