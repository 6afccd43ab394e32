import { RingBuffer } from './ring-buffer';

export interface ViewerQueueOptions<T> {
  /** Most items held. */
  maxItems: number;
  /** Most bytes held, by `sizeOf`; a count bound alone lets 1 MiB records take 1 GiB. */
  maxBytes?: number;
  sizeOf?: (item: T) => number;
}

/**
 * The buffer between a stream and one slow reader (an SSE connection). When full it drops the
 * OLDEST items. A live view is about now: dropping the newest instead would freeze a slow viewer on
 * ever older data it can never catch up from. Dropping the oldest also keeps the stream position
 * honest: what the viewer receives is always the newest, so the id of its last event still marks
 * where to resume, and the gap is reported by `dropped`, never silent.
 *
 * One item larger than maxBytes on its own is kept (alone): refusing it would hide it for good.
 */
export class ViewerQueue<T> {
  private readonly ring: RingBuffer<{ item: T; size: number }>;
  private readonly maxBytes: number;
  private readonly sizeOf: (item: T) => number;
  private heldBytes = 0;
  private droppedTotal = 0;
  private droppedUntaken = 0;

  constructor(options: ViewerQueueOptions<T>) {
    this.ring = new RingBuffer(options.maxItems);
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = options.sizeOf ?? (() => 0);
  }

  get size(): number {
    return this.ring.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  /** Items dropped since the queue was made. */
  get dropped(): number {
    return this.droppedTotal;
  }

  /** Adds an item; returns how many old items it pushed out. */
  push(item: T): number {
    const size = this.sizeOf(item);
    let dropped = 0;
    while (this.ring.size > 0 && this.heldBytes + size > this.maxBytes) {
      this.heldBytes -= this.ring.shift()!.size;
      dropped++;
    }
    const evicted = this.ring.push({ item, size });
    if (evicted) {
      this.heldBytes -= evicted.size;
      dropped++;
    }
    this.heldBytes += size;
    this.droppedTotal += dropped;
    this.droppedUntaken += dropped;
    return dropped;
  }

  /** Removes and returns up to `max` items, oldest first. */
  drain(max: number = Number.POSITIVE_INFINITY): T[] {
    const out: T[] = [];
    while (out.length < max && this.ring.size > 0) {
      const entry = this.ring.shift()!;
      this.heldBytes -= entry.size;
      out.push(entry.item);
    }
    return out;
  }

  /** Drops counted since the last call: what to report in the viewer's next progress event. */
  takeDropped(): number {
    const n = this.droppedUntaken;
    this.droppedUntaken = 0;
    return n;
  }

  clear(): void {
    this.ring.clear();
    this.heldBytes = 0;
  }
}
