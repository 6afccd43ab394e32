import { ViewerQueue } from './viewer-queue';

export interface FanoutHubOptions<T> {
  /** Per viewer; see ViewerQueue. */
  maxItemsPerViewer: number;
  maxBytesPerViewer?: number;
  sizeOf?: (item: T) => number;
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

interface Viewer<T> {
  queue: ViewerQueue<T>;
  accept?: (item: T) => boolean;
  lastDrainAt: number;
}

/**
 * One Kafka consumer, many browser tabs: the tail adapter publishes each batch once, every viewer
 * reads from its own bounded queue at its own pace. A slow viewer loses its own oldest items and
 * never slows the consumer or the other viewers, and total memory stays within
 * viewers × maxBytesPerViewer. Pure and synchronous: time is passed in, and the caller owns the
 * timers (drain loop, idle sweep) and stops the consumer when `viewerCount` reaches 0.
 */
export class FanoutHub<T> {
  private readonly viewers = new Map<string, Viewer<T>>();

  constructor(private readonly options: FanoutHubOptions<T>) {}

  get viewerCount(): number {
    return this.viewers.size;
  }

  /**
   * Adds a viewer. `accept` is its own filter (the server-side message filter), applied on publish
   * so rejected items never take queue space. It must not throw: wrap a MessageFilter so an
   * evaluation error counts as "no match" (and is reported on the viewer's stream).
   */
  subscribe(viewerId: string, now: number, accept?: (item: T) => boolean): void {
    if (this.viewers.has(viewerId)) throw new Error(`Viewer "${viewerId}" is already subscribed.`);
    const queue = new ViewerQueue<T>({
      maxItems: this.options.maxItemsPerViewer,
      maxBytes: this.options.maxBytesPerViewer,
      sizeOf: this.options.sizeOf,
    });
    this.viewers.set(viewerId, { queue, accept, lastDrainAt: now });
  }

  /** Removes a viewer; returns how many remain. */
  unsubscribe(viewerId: string): number {
    this.viewers.delete(viewerId);
    return this.viewers.size;
  }

  /** Offers items to every viewer; returns totals for metrics. */
  publish(items: readonly T[]): { queued: number; dropped: number } {
    let queued = 0;
    let dropped = 0;
    for (const viewer of this.viewers.values()) {
      for (const item of items) {
        if (viewer.accept && !viewer.accept(item)) continue;
        dropped += viewer.queue.push(item);
        queued++;
      }
    }
    return { queued, dropped };
  }

  /**
   * Up to `max` items for one viewer, oldest first, and how many it lost since its last drain.
   * Undefined for an unknown (or evicted) viewer, so its route can end the stream.
   */
  drain(viewerId: string, max: number, now: number): { items: T[]; dropped: number } | undefined {
    const viewer = this.viewers.get(viewerId);
    if (!viewer) return undefined;
    viewer.lastDrainAt = now;
    return { items: viewer.queue.drain(max), dropped: viewer.queue.takeDropped() };
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

  /** Items waiting for one viewer; undefined for an unknown viewer. */
  queuedFor(viewerId: string): number | undefined {
    return this.viewers.get(viewerId)?.queue.size;
  }

  stats(): ViewerStats[] {
    return [...this.viewers].map(([viewerId, v]) => ({ viewerId, queued: v.queue.size, bytes: v.queue.bytes, dropped: v.queue.dropped, lastDrainAt: v.lastDrainAt }));
  }
}
