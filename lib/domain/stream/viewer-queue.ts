import { RingBuffer } from './ring-buffer';

export interface ViewerQueueOptions<T> {
  /** Most records held, counted by `recordsOf` (1 per entry unless entries are batches). */
  maxItems: number;
  /** Most bytes held, by `sizeOf`; a count bound alone lets 1 MiB records take 1 GiB. */
  maxBytes?: number;
  sizeOf?: (entry: T) => number;
  /** Records in one entry: a batch queued by reference counts all of its records. */
  recordsOf?: (entry: T) => number;
}

interface Held<T> {
  entry: T;
  size: number;
  records: number;
}

/**
 * The buffer between a stream and one slow reader (an SSE connection). When full it drops the
 * OLDEST entries. A live view is about now: dropping the newest instead would freeze a slow viewer on
 * ever older data it can never catch up from. Dropping the oldest also keeps the stream position
 * honest: what the viewer receives is always the newest, so the id of its last event still marks
 * where to resume, and the gap is reported by `dropped`, never silent.
 *
 * Entries may be whole batches (the live tail queues each shared batch by reference, so 100 viewers
 * hold 100 pointers, not 100 copies): the bounds and the drop count are in records, and a batch is
 * dropped whole. One entry larger than the bounds on its own is kept (alone): refusing it would
 * hide it for good.
 */
export class ViewerQueue<T> {
  private readonly ring: RingBuffer<Held<T>>;
  private readonly maxRecords: number;
  private readonly maxBytes: number;
  private readonly sizeOf: (entry: T) => number;
  private readonly recordsOf: (entry: T) => number;
  private heldBytes = 0;
  private heldRecords = 0;
  private droppedTotal = 0;
  private droppedUntaken = 0;

  constructor(options: ViewerQueueOptions<T>) {
    // Every entry holds at least one record, so maxItems entries is always room enough.
    this.ring = new RingBuffer(options.maxItems);
    this.maxRecords = options.maxItems;
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = options.sizeOf ?? (() => 0);
    this.recordsOf = options.recordsOf ?? (() => 1);
  }

  /** Records held. */
  get size(): number {
    return this.heldRecords;
  }

  /** Entries held (batches, when entries are batches). */
  get entries(): number {
    return this.ring.size;
  }

  get bytes(): number {
    return this.heldBytes;
  }

  /** Records dropped since the queue was made. */
  get dropped(): number {
    return this.droppedTotal;
  }

  /** Adds an entry; returns how many records it pushed out. */
  push(entry: T): number {
    const held: Held<T> = { entry, size: this.sizeOf(entry), records: Math.max(1, this.recordsOf(entry)) };
    let dropped = 0;
    while (this.ring.size > 0 && (this.heldBytes + held.size > this.maxBytes || this.heldRecords + held.records > this.maxRecords)) {
      dropped += this.forget(this.ring.shift()!);
    }
    const evicted = this.ring.push(held);
    if (evicted) dropped += this.forget(evicted);
    this.heldBytes += held.size;
    this.heldRecords += held.records;
    this.droppedTotal += dropped;
    this.droppedUntaken += dropped;
    return dropped;
  }

  /**
   * Removes and returns entries, oldest first, while they hold at most `maxRecords` records in all
   * (always at least one entry when any is queued, however large).
   */
  drain(maxRecords: number = Number.POSITIVE_INFINITY): T[] {
    const out: T[] = [];
    let records = 0;
    while (this.ring.size > 0) {
      const next = this.ring.peekOldest()!;
      if (out.length > 0 && records + next.records > maxRecords) break;
      this.ring.shift();
      this.forget(next);
      records += next.records;
      out.push(next.entry);
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
    this.heldRecords = 0;
  }

  private forget(held: Held<T>): number {
    this.heldBytes -= held.size;
    this.heldRecords -= held.records;
    return held.records;
  }
}
