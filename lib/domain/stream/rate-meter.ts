export interface RateMeterOptions {
  /** The sliding window; 10 s smooths bursts without hiding a stop for long. */
  windowMs?: number;
  /** Buckets in the window: more is smoother, costs memory per meter. */
  buckets?: number;
}

/**
 * Messages per second over a sliding window, in fixed buckets (O(buckets) memory whatever the
 * rate). Time is passed in. The rate divides by the time actually covered (the full buckets plus
 * the current one so far, or less right after the first reading), so it neither reads low during
 * the first seconds nor drifts by a bucket as the current one fills.
 */
export class RateMeter {
  private readonly bucketMs: number;
  private readonly counts: number[];
  /** Start time of the bucket held in each slot; NaN while the slot is empty. */
  private readonly starts: number[];
  private firstAt: number | null = null;

  constructor(options: RateMeterOptions = {}) {
    const windowMs = options.windowMs ?? 10_000;
    const buckets = options.buckets ?? 10;
    if (!(windowMs > 0) || !Number.isInteger(buckets) || buckets < 1) throw new RangeError('A rate meter needs a positive window and at least one bucket.');
    this.bucketMs = windowMs / buckets;
    this.counts = new Array<number>(buckets).fill(0);
    this.starts = new Array<number>(buckets).fill(Number.NaN);
  }

  record(count: number, now: number): void {
    if (this.firstAt === null || now < this.firstAt) this.firstAt = now;
    const index = Math.floor(now / this.bucketMs);
    const start = index * this.bucketMs;
    const slot = index % this.counts.length;
    if (this.starts[slot] !== start) {
      // The slot holds a newer bucket: this reading is older than the whole window.
      if (this.starts[slot]! > start) return;
      this.starts[slot] = start;
      this.counts[slot] = 0;
    }
    this.counts[slot]! += count;
  }

  /** Items recorded in the window ending at `now`. */
  count(now: number): number {
    const oldest = this.oldestBucketStart(now);
    const current = Math.floor(now / this.bucketMs) * this.bucketMs;
    let total = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const start = this.starts[i]!;
      if (start >= oldest && start <= current) total += this.counts[i]!;
    }
    return total;
  }

  /** Per second over the window ending at `now`. */
  rate(now: number): number {
    if (this.firstAt === null) return 0;
    const covered = now - Math.max(this.firstAt, this.oldestBucketStart(now));
    // Right after the first reading the covered time is ~0; count it as one bucket rather than divide by nothing.
    return (this.count(now) * 1000) / Math.max(covered, this.bucketMs);
  }

  private oldestBucketStart(now: number): number {
    return (Math.floor(now / this.bucketMs) - (this.counts.length - 1)) * this.bucketMs;
  }
}
