import 'server-only';
import type { EachBatchPayload } from 'kafkajs';
import { toMessageView, type PreviewLimits, type RawRecord } from '@/lib/domain/messages/decode-part';
import { filterInputOf, type FilterInput, type MessageView } from '@/lib/domain/messages/message-model';
import { FanoutHub } from '@/lib/domain/stream/fanout-hub';
import { RateMeter } from '@/lib/domain/stream/rate-meter';
import { codecFor, type MessageCodec } from '@/lib/registry/message-codec';
import { logger } from '@/lib/log/logger';
import { createEphemeralConsumer, rawRecordOf, type EphemeralConsumer } from './browse-consumer';
import { toConsoleError } from './errors';
import { FILTER_LIMITS } from './messages-service';

/**
 * One shared consumer per (cluster, topic), fanning every record out to all the viewers of a live
 * tail. Each record is decoded and serialised once; each viewer reads from its own bounded queue
 * in the hub (a slow one loses its own oldest records, counted, and never slows the others). The
 * consumer is an ephemeral one (see browse-consumer.ts): no commits, its group deleted when the
 * last viewer has gone.
 */
export const TAIL_PREVIEW_LIMITS: PreviewLimits = { maxChars: 4 * 1024, maxBinaryBytes: 2 * 1024, hexBytes: 64 };
export const VIEWER_MAX_ITEMS = 10_000;
export const VIEWER_MAX_BYTES = 16 * 1024 * 1024;
/** A viewer whose connection has not taken anything for this long is dropped (a dead socket nobody noticed). */
export const VIEWER_IDLE_MS = 60_000;
/** The consumer stays this long after its last viewer, so a reload or a pause/resume does not rejoin. */
export const LINGER_MS = 1_500;

const log = logger.child({ component: 'tail' });

export class TailItem {
  readonly json: string;
  readonly offset: bigint;
  private input: FilterInput | undefined;

  constructor(
    readonly view: MessageView,
    private readonly raw: RawRecord,
    private readonly codec: MessageCodec,
  ) {
    this.json = JSON.stringify(view);
    this.offset = BigInt(view.offset);
  }

  get partition(): number {
    return this.view.partition;
  }

  /** What filters see: whole values, decoded on first use only (most tails have no filter). */
  filterInput(): FilterInput {
    if (!this.input) {
      const whole = this.view.key.truncated || this.view.value.truncated ? toMessageView(this.raw, (b) => this.codec.decode(b, FILTER_LIMITS)) : this.view;
      this.input = filterInputOf(whole);
    }
    return this.input;
  }
}

export interface TailViewerHooks {
  /** Whether this viewer wants the item (its position and its filter). Must not throw. */
  accept(item: TailItem): boolean;
  /** New items were published, or the source failed or closed. */
  wake(): void;
  /** The source failed: tell the viewer and end its stream. */
  fail(error: Error): void;
}

export interface TailSourceStats {
  cluster: string;
  topic: string;
  groupId: string;
  viewers: number;
  consumed: number;
  rate: number;
  state: TailSource['state'];
}

export class TailSource {
  readonly hub = new FanoutHub<TailItem>({ maxItemsPerViewer: VIEWER_MAX_ITEMS, maxBytesPerViewer: VIEWER_MAX_BYTES, sizeOf: (i) => i.json.length, idleTimeoutMs: VIEWER_IDLE_MS });
  /** Per partition, the offset after the last record published: where a new viewer's share of the stream begins. */
  readonly positions: Map<number, bigint>;
  state: 'starting' | 'running' | 'failed' | 'closed' = 'starting';
  consumed = 0;
  private readonly rate = new RateMeter();
  private readonly viewers = new Map<string, TailViewerHooks>();
  private readonly ephemeral: EphemeralConsumer;
  private readonly codec: MessageCodec;
  private lingerTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private failure: Error | null = null;

  constructor(
    readonly cluster: string,
    readonly topic: string,
    start: ReadonlyMap<number, bigint>,
    private readonly onClosed: () => void,
  ) {
    this.positions = new Map(start);
    this.codec = codecFor(cluster);
    this.ephemeral = createEphemeralConsumer(cluster, { maxWaitTimeInMs: 100 });
    void this.run(start);
    this.sweepTimer = setInterval(() => this.sweep(), 5_000);
    this.sweepTimer.unref?.();
  }

  get groupId(): string {
    return this.ephemeral.groupId;
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  stats(): TailSourceStats {
    return { cluster: this.cluster, topic: this.topic, groupId: this.groupId, viewers: this.viewers.size, consumed: this.consumed, rate: Math.round(this.rate.rate(Date.now())), state: this.state };
  }

  /** Adds a viewer; synchronous, so `positions` read right before or after it marks exactly where its share begins. */
  subscribe(viewerId: string, hooks: TailViewerHooks): void {
    clearTimeout(this.lingerTimer);
    this.viewers.set(viewerId, hooks);
    this.hub.subscribe(viewerId, Date.now(), (item) => hooks.accept(item));
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
    const { consumer } = this.ephemeral;
    try {
      consumer.on(consumer.events.CRASH, (event) => this.fail(event.payload.error));
      await consumer.connect();
      await consumer.subscribe({ topic: this.topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        partitionsConsumedConcurrently: 3,
        eachBatch: async (payload) => this.onBatch(payload),
      });
      for (const [partition, offset] of start) consumer.seek({ topic: this.topic, partition, offset: offset.toString() });
      if (this.state === 'starting') this.state = 'running';
    } catch (e) {
      this.fail(e);
    }
  }

  private async onBatch({ batch }: EachBatchPayload): Promise<void> {
    if (this.state === 'closed' || batch.messages.length === 0) return;
    const from = this.positions.get(batch.partition) ?? 0n;
    const records: RawRecord[] = [];
    for (const m of batch.messages) if (BigInt(m.offset) >= from) records.push(rawRecordOf(this.topic, batch.partition, m));
    if (!records.length) return;
    await this.codec.prepare(records);
    // The source may have closed during the await.
    if ((this.state as TailSource['state']) === 'closed') return;
    const items = records.map((r) => new TailItem(toMessageView(r, (b) => this.codec.decode(b, TAIL_PREVIEW_LIMITS)), r, this.codec));
    // Position and queues change together, synchronously: a viewer subscribing in between sees both or neither.
    this.positions.set(batch.partition, items.at(-1)!.offset + 1n);
    this.hub.publish(items);
    this.consumed += items.length;
    this.rate.record(items.length, Date.now());
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
    clearInterval(this.sweepTimer);
    this.onClosed();
    await this.ephemeral.close();
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
