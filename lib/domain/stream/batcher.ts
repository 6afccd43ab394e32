export interface BatcherOptions<T> {
  /** A batch is sent as soon as it has this many items. */
  maxItems: number;
  /** ...or when its oldest item has waited this long (~100 ms: smooth for the eye, few SSE frames). */
  maxWaitMs: number;
  /** ...or when it holds this many bytes by `sizeOf`, to keep single SSE frames small. */
  maxBytes?: number;
  sizeOf?: (item: T) => number;
}

/**
 * Groups items into batches by count, size or age. One SSE frame per message costs a JSON
 * envelope and a browser render each; one per ~100 ms keeps a fast topic readable. Pure: time is
 * passed in, and the caller sets a timer for `dueAt()` to flush a quiet stream's last items.
 */
export class Batcher<T> {
  private pending: T[] = [];
  private pendingBytes = 0;
  private firstAt: number | null = null;
  private readonly maxBytes: number;
  private readonly sizeOf: (item: T) => number;

  constructor(private readonly options: BatcherOptions<T>) {
    if (!Number.isInteger(options.maxItems) || options.maxItems < 1) throw new RangeError(`A batch needs room for at least 1 item; got ${options.maxItems}.`);
    this.maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    this.sizeOf = options.sizeOf ?? (() => 0);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Adds an item; returns the batches that became full (usually none or one). */
  add(item: T, now: number): T[][] {
    const ready: T[][] = [];
    const size = this.sizeOf(item);
    // An item that would overflow the byte budget closes the current batch first, so no batch exceeds it needlessly.
    if (this.pending.length > 0 && this.pendingBytes + size > this.maxBytes) ready.push(this.take());
    if (this.firstAt === null) this.firstAt = now;
    this.pending.push(item);
    this.pendingBytes += size;
    if (this.pending.length >= this.options.maxItems || this.pendingBytes >= this.maxBytes) ready.push(this.take());
    return ready;
  }

  /** The pending batch if its oldest item has waited maxWaitMs, else null. */
  poll(now: number): T[] | null {
    const due = this.dueAt();
    return due !== null && now >= due ? this.take() : null;
  }

  /** When the pending batch must go out, or null when nothing is pending. */
  dueAt(): number | null {
    return this.firstAt === null ? null : this.firstAt + this.options.maxWaitMs;
  }

  /** Everything pending, now (stream end, viewer leaving). */
  flush(): T[] {
    return this.pending.length > 0 ? this.take() : [];
  }

  private take(): T[] {
    const batch = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    this.firstAt = null;
    return batch;
  }
}
