import { ViewerQueue } from './viewer-queue';

export interface FanoutHubOptions<B> {
  /** Per viewer, in records; see ViewerQueue. */
  maxItemsPerViewer: number;
  maxBytesPerViewer?: number;
  sizeOf?: (batch: B) => number;
  /** Records in a batch (1 per published unit when omitted). */
  recordsOf?: (batch: B) => number;
  /**
   * A viewer that has not drained for this long is considered gone (a closed tab whose connection
   * the server has not noticed) and is removed by `evictIdle`.
   */
  idleTimeoutMs?: number;
}

export interface ViewerStats {
  viewerId: string;
  queued: number;
  bytes: number;
  dropped: number;
  lastDrainAt: number;
}

/**
 * What one viewer takes of a published batch: the batch itself (shared by reference), its own
 * batch (a filtered or trimmed copy), or null for nothing. It must not throw: a viewer's filter
 * that fails on a record counts it as no match (and reports it on the viewer's stream).
 */
export type SelectBatch<B> = (batch: B) => B | null;

interface Viewer<B> {
  queue: ViewerQueue<B>;
  select?: SelectBatch<B>;
  lastDrainAt: number;
}

/**
 * One Kafka consumer, many browser tabs: the tail adapter publishes each batch once, every viewer
 * reads from its own bounded queue at its own pace. Viewers that see the whole stream queue the
 * very batch published (one encoding, shared by all), so a hundred viewers cost a hundred pointers
 * per batch. A slow viewer loses its own oldest batches, counted in records, and never slows the
 * consumer or the other viewers; total memory stays within viewers × maxBytesPerViewer. Pure and
 * synchronous: time is passed in, and the caller owns the timers (drain loop, idle sweep) and stops
 * the consumer when `viewerCount` reaches 0.
 */
export class FanoutHub<B> {
  private readonly viewers = new Map<string, Viewer<B>>();

  constructor(private readonly options: FanoutHubOptions<B>) {}

  get viewerCount(): number {
    return this.viewers.size;
  }

  /** Adds a viewer. `select` is its own view of each batch (see SelectBatch), applied on publish so what it rejects never takes queue space. */
  subscribe(viewerId: string, now: number, select?: SelectBatch<B>): void {
    if (this.viewers.has(viewerId)) throw new Error(`Viewer "${viewerId}" is already subscribed.`);
    const queue = new ViewerQueue<B>({
      maxItems: this.options.maxItemsPerViewer,
      maxBytes: this.options.maxBytesPerViewer,
      sizeOf: this.options.sizeOf,
      recordsOf: this.options.recordsOf,
    });
    this.viewers.set(viewerId, { queue, select, lastDrainAt: now });
  }

  /** Removes a viewer; returns how many remain. */
  unsubscribe(viewerId: string): number {
    this.viewers.delete(viewerId);
    return this.viewers.size;
  }

  /** Offers a batch to every viewer; returns how many viewers queued something and how many records were dropped to make room. */
  publish(batch: B): { queued: number; dropped: number } {
    let queued = 0;
    let dropped = 0;
    for (const viewer of this.viewers.values()) {
      const mine = viewer.select ? viewer.select(batch) : batch;
      if (mine === null) continue;
      dropped += viewer.queue.push(mine);
      queued++;
    }
    return { queued, dropped };
  }

  /**
   * Batches for one viewer, oldest first, holding at most `maxRecords` records (at least one batch
   * when any waits), and how many records it lost since its last drain. Undefined for an unknown
   * (or evicted) viewer, so its route can end the stream.
   */
  drain(viewerId: string, maxRecords: number, now: number): { batches: B[]; dropped: number } | undefined {
    const viewer = this.viewers.get(viewerId);
    if (!viewer) return undefined;
    viewer.lastDrainAt = now;
    return { batches: viewer.queue.drain(maxRecords), dropped: viewer.queue.takeDropped() };
  }

  /** Removes viewers that have not drained within idleTimeoutMs; returns their ids. */
  evictIdle(now: number): string[] {
    const timeout = this.options.idleTimeoutMs;
    if (timeout === undefined) return [];
    const evicted: string[] = [];
    for (const [id, viewer] of this.viewers) {
      if (now - viewer.lastDrainAt > timeout) {
        this.viewers.delete(id);
        evicted.push(id);
      }
    }
    return evicted;
  }

  /** Records waiting for one viewer; undefined for an unknown viewer. */
  queuedFor(viewerId: string): number | undefined {
    return this.viewers.get(viewerId)?.queue.size;
  }

  stats(): ViewerStats[] {
    return [...this.viewers].map(([viewerId, v]) => ({ viewerId, queued: v.queue.size, bytes: v.queue.bytes, dropped: v.queue.dropped, lastDrainAt: v.lastDrainAt }));
  }
}
