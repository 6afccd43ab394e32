import 'server-only';
import type { PreviewLimits, RawRecord } from '@/lib/domain/messages/decode-part';
import { Batcher } from '@/lib/domain/stream/batcher';
import { FanoutHub } from '@/lib/domain/stream/fanout-hub';
import { RateMeter } from '@/lib/domain/stream/rate-meter';
import { codecFor, type MessageCodec } from '@/lib/registry/message-codec';
import { logger } from '@/lib/log/logger';
import { toConsoleError } from './errors';
import { readRangesWithoutGroup, UNBOUNDED } from './range-reader';
import { SharedBatch, TailRecord, type TailBatch } from './tail-batch';
import { messageJsonPieces } from './tail-encode';

/**
 * One shared consumer per (cluster, topic), fanning every record out to all the viewers of a live
 * tail. Each record is decoded and serialised once; records are grouped into batches (~100 ms, or
 * MAX_BATCH_RECORDS / MAX_BATCH_BYTES when the topic is fast) and each batch's SSE frame is encoded
 * once. Every viewer reads from its own bounded queue in the hub, where a viewer that sees the whole
 * stream holds the published batch itself (a slow one loses its own oldest batches, counted, and
 * never slows the others). The consumer joins no group and commits nothing: it follows the
 * partitions with sessionless Fetch requests to their leaders (range-reader.ts, `follow`), each
 * waiting on the broker up to FETCH_WAIT_MS for new records, one response ahead of the decoding.
 * It stops LINGER_MS after the last viewer has gone.
 */
export const TAIL_PREVIEW_LIMITS: PreviewLimits = { maxChars: 4 * 1024, maxBinaryBytes: 2 * 1024, hexBytes: 64 };
/** Most records waiting for one viewer. */
export const VIEWER_MAX_ITEMS = 10_000;
export const VIEWER_MAX_BYTES = 16 * 1024 * 1024;
/** A viewer whose connection has not taken anything for this long is dropped (a dead socket nobody noticed). */
export const VIEWER_IDLE_MS = 60_000;
/** The consumer stays this long after its last viewer, so a reload or a pause/resume does not rejoin. */
export const LINGER_MS = 1_500;
/** A quiet topic's records go out this long after the first of them arrived, together. */
export const BATCH_INTERVAL_MS = 100;
export const MAX_BATCH_RECORDS = 1_000;
/** Bytes of message JSON in one batch: keeps one SSE frame near 1 MiB however large the records. */
export const MAX_BATCH_BYTES = 1024 * 1024;
/** How long one fetch waits on the broker for new records of a quiet topic (new records return it at once). */
export const FETCH_WAIT_MS = 500;
/** How often the source looks for partitions added to the topic (a Metadata request), which it then follows from their start. */
export const NEW_PARTITIONS_EVERY_MS = 5_000;

const log = logger.child({ component: 'tail' });

export interface TailViewerHooks {
  /** What this viewer takes of a published batch (see SelectBatch in fanout-hub.ts). Must not throw. */
  select(batch: SharedBatch): TailBatch | null;
  /** New batches were published, or the source failed or closed. */
  wake(): void;
  /** The source failed: tell the viewer and end its stream. */
  fail(error: Error): void;
}

export interface TailSourceStats {
  cluster: string;
  topic: string;
  viewers: number;
  consumed: number;
  rate: number;
  state: TailSource['state'];
}

export class TailSource {
  readonly hub = new FanoutHub<TailBatch>({ maxItemsPerViewer: VIEWER_MAX_ITEMS, maxBytesPerViewer: VIEWER_MAX_BYTES, sizeOf: (b) => b.bytes, recordsOf: (b) => b.count, idleTimeoutMs: VIEWER_IDLE_MS });
  /** Per partition, the offset after the last record published: where a new viewer's share of the stream begins. */
  readonly positions: Map<number, bigint>;
  state: 'starting' | 'running' | 'failed' | 'closed' = 'starting';
  consumed = 0;
  /** Partitions that cannot be read now (leader unreachable; retried until they can), and why. */
  readonly stalled = new Map<number, string>();
  private readonly rate = new RateMeter();
  private readonly viewers = new Map<string, TailViewerHooks>();
  private readonly stop = new AbortController();
  private readonly codec: MessageCodec;
  private lingerTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private failure: Error | null = null;
  /** Per partition, the offset after the last record taken from the consumer (published or still in the batcher). */
  private readonly taken: Map<number, bigint>;
  private readonly batcher = new Batcher<TailRecord>({ maxItems: MAX_BATCH_RECORDS, maxWaitMs: BATCH_INTERVAL_MS, maxBytes: MAX_BATCH_BYTES, sizeOf: (r) => r.byteLength });
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly cluster: string,
    readonly topic: string,
    start: ReadonlyMap<number, bigint>,
    private readonly onClosed: () => void,
  ) {
    this.positions = new Map(start);
    this.taken = new Map(start);
    this.codec = codecFor(cluster);
    void this.run(start);
    this.sweepTimer = setInterval(() => this.sweep(), 5_000);
    this.sweepTimer.unref?.();
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  stats(): TailSourceStats {
    return { cluster: this.cluster, topic: this.topic, viewers: this.viewers.size, consumed: this.consumed, rate: Math.round(this.rate.rate(Date.now())), state: this.state };
  }

  /** Adds a viewer; synchronous, so `positions` read right before or after it marks exactly where its share begins. */
  subscribe(viewerId: string, hooks: TailViewerHooks): void {
    clearTimeout(this.lingerTimer);
    this.viewers.set(viewerId, hooks);
    this.hub.subscribe(viewerId, Date.now(), (batch) => hooks.select(batch as SharedBatch));
    if (this.failure) queueMicrotask(() => hooks.fail(this.failure!));
  }

  unsubscribe(viewerId: string): void {
    if (!this.viewers.delete(viewerId)) return;
    this.hub.unsubscribe(viewerId);
    if (this.viewers.size === 0) {
      clearTimeout(this.lingerTimer);
      this.lingerTimer = setTimeout(() => {
        if (this.viewers.size === 0) void this.close();
      }, LINGER_MS);
    }
  }

  private sweep(): void {
    for (const id of this.hub.evictIdle(Date.now())) {
      const hooks = this.viewers.get(id);
      this.viewers.delete(id);
      log.info({ topic: this.topic, viewer: id }, 'evicted a viewer that stopped reading');
      hooks?.fail(new Error('This viewer stopped reading for too long and was disconnected.'));
    }
    if (this.viewers.size === 0 && this.state !== 'closed' && !this.lingerTimer) this.lingerTimer = setTimeout(() => void this.close(), LINGER_MS);
  }

  private async run(start: ReadonlyMap<number, bigint>): Promise<void> {
    this.state = 'running';
    try {
      const ranges = [...start].map(([partition, from]) => ({ partition, from, to: UNBOUNDED }));
      await readRangesWithoutGroup(this.cluster, this.topic, ranges, {
        follow: true,
        newPartitionsEveryMs: NEW_PARTITIONS_EVERY_MS,
        signal: this.stop.signal,
        consumerOptions: { maxWaitTimeInMs: FETCH_WAIT_MS },
        onRecords: (partition, records) => this.onRecords(partition, records),
        onStall: (partition, reason) => {
          if (reason === null) {
            this.stalled.delete(partition);
            log.info({ topic: this.topic, partition }, 'tail reads the partition again');
          } else {
            this.stalled.set(partition, reason);
            log.warn({ topic: this.topic, partition, reason }, 'tail cannot read a partition; retrying');
          }
        },
      });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Decodes and batches one partition's fetched records; the reader has sent the next fetch already. */
  private async onRecords(partition: number, fetched: RawRecord[]): Promise<'continue' | 'stop'> {
    if (this.state === 'closed') return 'stop';
    const records = this.take(partition, fetched);
    // Only registry-framed bytes (magic byte 0) need a schema looked up; most topics have none.
    const framed = records.filter((r) => r.key?.[0] === 0 || r.value?.[0] === 0);
    if (framed.length) await this.codec.prepare(framed);
    // The source may have closed during the await.
    if ((this.state as TailSource['state']) === 'closed') return 'stop';
    const now = Date.now();
    for (const r of records) {
      const record = new TailRecord(r.partition, r.offset, messageJsonPieces(r, this.codec, TAIL_PREVIEW_LIMITS), r, this.codec);
      for (const full of this.batcher.add(record, now)) this.publish(full);
    }
    this.scheduleFlush(now);
    return 'continue';
  }

  /** The records from where this source stands (they always should start there; a duplicate would reach every viewer). */
  private take(partition: number, records: RawRecord[]): RawRecord[] {
    const from = this.taken.get(partition) ?? 0n;
    let first = 0;
    while (first < records.length && BigInt(records[first]!.offset) < from) first++;
    const taken = first === 0 ? records : records.slice(first);
    if (taken.length) this.taken.set(partition, BigInt(taken.at(-1)!.offset) + 1n);
    return taken;
  }

  /** A quiet topic's last records go out BATCH_INTERVAL_MS after the first of them arrived. */
  private scheduleFlush(now: number): void {
    const due = this.batcher.dueAt();
    if (due === null || this.flushTimer) return;
    this.flushTimer = setTimeout(
      () => {
        this.flushTimer = undefined;
        if (this.state === 'closed') return;
        const pending = this.batcher.flush();
        if (pending.length) this.publish(pending);
      },
      Math.max(0, due - now),
    );
  }

  private publish(records: readonly TailRecord[]): void {
    const batch = new SharedBatch(this.topic, records, this.positions);
    // Position and queues change together, synchronously: a viewer subscribing in between sees both or neither.
    for (const [partition, after] of batch.after) this.positions.set(partition, after);
    this.hub.publish(batch);
    // Viewers have selected what they want; queued batches keep their frames, not the fetched records.
    batch.release();
    this.consumed += batch.count;
    this.rate.record(batch.count, Date.now());
    for (const hooks of this.viewers.values()) hooks.wake();
  }

  private fail(e: unknown): void {
    if (this.state === 'closed' || this.failure) return;
    const error = toConsoleError(e, { clusterName: this.cluster, topic: this.topic });
    this.failure = error;
    this.state = 'failed';
    log.warn({ err: e, topic: this.topic }, 'tail consumer failed');
    for (const hooks of this.viewers.values()) hooks.fail(error);
    void this.close();
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.lingerTimer);
    clearTimeout(this.flushTimer);
    clearInterval(this.sweepTimer);
    this.batcher.flush();
    this.onClosed();
    this.stop.abort();
  }
}

const globalForTails = globalThis as unknown as { keaTailSources?: Map<string, TailSource> };
const sources = (globalForTails.keaTailSources ??= new Map());

/**
 * The running source of a topic, or a new one starting at `start` (per partition, the next offset
 * to read). Callers subscribe right away, in the same tick.
 */
export function tailSourceFor(cluster: string, topic: string, start: () => ReadonlyMap<number, bigint>): TailSource {
  const key = `${cluster}\u0000${topic}`;
  let source = sources.get(key);
  if (!source || source.state === 'closed' || source.state === 'failed') {
    const created: TailSource = new TailSource(cluster, topic, start(), () => {
      if (sources.get(key) === created) sources.delete(key);
    });
    source = created;
    sources.set(key, source);
  }
  return source;
}

export function tailSourceStats(cluster?: string): TailSourceStats[] {
  return [...sources.values()].filter((s) => cluster === undefined || s.cluster === cluster).map((s) => s.stats());
}

/** For tests and shutdown. */
export async function closeAllTailSources(): Promise<void> {
  await Promise.all([...sources.values()].map((s) => s.close()));
}
