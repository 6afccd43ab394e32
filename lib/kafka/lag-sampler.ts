import 'server-only';
import { ConsoleError, isConsoleError } from '@/lib/domain/console-error';
import type { LagSnapshot } from '@/lib/domain/groups/group-model';
import { LagBook, type GroupLagState, type LagBookOptions } from '@/lib/domain/groups/lag-book';
import type { SnapshotScope } from './groups-snapshot';
import { toConsoleError } from './errors';

export interface LagSample {
  snapshot: LagSnapshot;
  /** The evaluation of every group in the poll. */
  states: ReadonlyMap<string, GroupLagState>;
}

export interface LagListener {
  /** The groups this viewer wants, or every group. */
  scope: SnapshotScope;
  onSample(sample: LagSample): void;
  onError?(error: ConsoleError): void;
}

export interface LagSamplerOptions {
  intervalMs?: number;
  book?: LagBookOptions;
  snapshot: (scope: SnapshotScope) => Promise<LagSnapshot>;
  now?: () => number;
}

export interface LagSamplerStats {
  polls: number;
  failures: number;
  lastPollAt: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
}

const covers = (outer: SnapshotScope, inner: SnapshotScope) =>
  outer === 'all' || (inner !== 'all' && inner.every((g) => outer.includes(g)));

/**
 * One lag sampler per cluster, shared by every viewer: it polls while someone listens (started by
 * the first subscriber, stopped after the last leaves), one poll per interval for the union of what
 * the listeners want, and never two polls at once. Pages that render without listening ask for
 * `current(...)`, which reuses a reading younger than the interval, joins a poll in flight, or polls
 * once. Every poll is recorded in one LagBook, the bounded in-memory history.
 */
export class LagSampler {
  readonly intervalMs: number;
  readonly book: LagBook;
  private readonly snapshot: (scope: SnapshotScope) => Promise<LagSnapshot>;
  private readonly now: () => number;
  private readonly listeners = new Set<LagListener>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: { scope: SnapshotScope; promise: Promise<LagSample> } | null = null;
  private lastCompleteAt: number | null = null;
  private readonly topicErrors = new Map<string, string>();
  /** Groups changed by the console since their last reading: the next `current` reads them again. */
  private readonly invalidated = new Set<string>();
  readonly stats: LagSamplerStats = { polls: 0, failures: 0, lastPollAt: null, lastDurationMs: null, lastError: null };

  constructor(options: LagSamplerOptions) {
    this.intervalMs = options.intervalMs ?? 5000;
    if (!Number.isFinite(this.intervalMs) || this.intervalMs < 100) throw new RangeError(`The lag sampling interval must be at least 100 ms; got ${this.intervalMs}.`);
    this.book = new LagBook(options.book);
    this.snapshot = options.snapshot;
    this.now = options.now ?? Date.now;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  get running(): boolean {
    return this.timer !== null || (this.listeners.size > 0 && this.inFlight !== null);
  }

  /** Starts sampling with the first listener; the returned function unsubscribes (idempotent). */
  subscribe(listener: LagListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.timer === null) this.schedule(this.delayUntilDue());
    return () => {
      if (!this.listeners.delete(listener)) return;
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Stops the timer; a poll in flight finishes but schedules nothing after it. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Makes sure the book holds a reading of `scope` no older than `maxAgeMs`, polling at most once.
   * Throws the poll's ConsoleError when the cluster cannot be read.
   */
  async current(scope: SnapshotScope, maxAgeMs = this.intervalMs): Promise<LagBook> {
    for (;;) {
      if (this.isFresh(scope, maxAgeMs)) return this.book;
      const running = this.inFlight;
      if (running && covers(running.scope, scope)) {
        await running.promise;
        return this.book;
      }
      if (running) {
        await running.promise.catch(() => undefined);
        continue;
      }
      await this.poll(scope);
      return this.book;
    }
  }

  /** Topics whose watermarks the latest polls could not read, with why. */
  get lastWatermarkErrors(): Record<string, string> {
    return Object.fromEntries(this.topicErrors);
  }

  /** After an offset reset: the old window would read the jump as a REWIND. */
  resetWindow(groupId: string): void {
    this.book.resetWindow(groupId);
    this.invalidated.add(groupId);
  }

  /** After a delete: the group's history goes with it. */
  forget(groupId: string): void {
    this.book.forget(groupId);
  }

  private isFresh(scope: SnapshotScope, maxAgeMs: number): boolean {
    const oldest = this.now() - maxAgeMs;
    if (scope === 'all') return this.invalidated.size === 0 && this.lastCompleteAt !== null && this.lastCompleteAt >= oldest;
    return scope.every((g) => !this.invalidated.has(g) && (this.book.state(g)?.sampledAt ?? -Infinity) >= oldest);
  }

  private listenedScope(): SnapshotScope {
    const groups = new Set<string>();
    for (const l of this.listeners) {
      if (l.scope === 'all') return 'all';
      for (const g of l.scope) groups.add(g);
    }
    return [...groups].sort();
  }

  private delayUntilDue(): number {
    const last = this.stats.lastPollAt;
    return last === null ? 0 : Math.max(0, last + this.intervalMs - this.now());
  }

  private schedule(delayMs: number) {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // A sampler must never keep a process (a test, a build) alive on its own.
    this.timer.unref?.();
  }

  private async tick() {
    this.timer = null;
    if (this.listeners.size === 0) return;
    const scope = this.listenedScope();
    const started = this.now();
    try {
      if (scope !== 'all' && scope.length === 0) return;
      const running = this.inFlight;
      const sample = running && covers(running.scope, scope) ? await running.promise : await this.poll(scope);
      for (const l of [...this.listeners]) {
        try {
          l.onSample(sample);
        } catch {
          // One viewer's failure (a closed stream) must not stop the others.
        }
      }
    } catch (e) {
      const error = isConsoleError(e) ? e : toConsoleError(e);
      for (const l of [...this.listeners]) {
        try {
          l.onError?.(error);
        } catch {
          // As above.
        }
      }
    } finally {
      if (this.listeners.size > 0 && this.timer === null) {
        // A poll slower than the interval runs back to back, but never without a pause.
        const elapsed = this.now() - started;
        this.schedule(Math.max(this.intervalMs - elapsed, Math.min(this.intervalMs, 1000)));
      }
    }
  }

  private poll(scope: SnapshotScope): Promise<LagSample> {
    // Deferred by a microtask so `inFlight` is set before the body can finish (and clear it).
    const promise = Promise.resolve().then(async () => {
      try {
        const snapshot = await this.snapshot(scope);
        const states = this.book.record(snapshot);
        for (const g of snapshot.groups) this.invalidated.delete(g.description.groupId);
        if (snapshot.complete) this.lastCompleteAt = snapshot.takenAt;
        if (snapshot.complete) this.topicErrors.clear();
        for (const t of Object.keys(snapshot.watermarks)) this.topicErrors.delete(t);
        for (const [t, e] of Object.entries(snapshot.watermarkErrors)) this.topicErrors.set(t, e);
        this.stats.polls++;
        this.stats.lastPollAt = snapshot.takenAt;
        this.stats.lastDurationMs = snapshot.durationMs;
        this.stats.lastError = null;
        return { snapshot, states };
      } catch (e) {
        this.stats.failures++;
        this.stats.lastPollAt = this.now();
        const error = isConsoleError(e) ? e : toConsoleError(e);
        this.stats.lastError = error.message;
        throw error;
      } finally {
        this.inFlight = null;
      }
    });
    this.inFlight = { scope, promise };
    return promise;
  }
}
