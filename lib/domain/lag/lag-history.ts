import { RingBuffer } from '../stream/ring-buffer';
import { evaluateGroupLag, evaluatePartitionLag, type GroupLagEvaluation, type LagSample } from './lag-status';
import { tryParseOffset } from './offsets';

export interface LagHistoryOptions {
  /** Samples kept per partition: Burrow's `intervals`, 10 by default (10 polls × 60 s = a 10-minute window). */
  samplesPerPartition?: number;
  /** Samples older than this, measured from the newest one, leave the window too. */
  windowMs?: number;
  /** Passed to the evaluation; see PartitionLagInput.minSamples. */
  minSamples?: number;
}

interface PartitionTrack {
  topic: string;
  partition: number;
  samples: RingBuffer<LagSample>;
  /** The current committed offset and when it was first seen; survives the ring's evictions. */
  committed: string | null;
  committedSince?: number;
}

const key = (topic: string, partition: number) => `${partition}\u0000${topic}`;

/**
 * Lag samples per consumer group and partition, in memory, each partition's window a bounded ring.
 * The lag sampler (an adapter) records a poll; pages and the SSE lag stream evaluate. Memory is
 * bounded by groups × partitions × samplesPerPartition; `retainPartitions` and `forgetGroup` drop
 * what the cluster no longer has.
 */
export class LagHistory {
  readonly samplesPerPartition: number;
  readonly windowMs: number | undefined;
  private readonly minSamples: number | undefined;
  private readonly groups = new Map<string, Map<string, PartitionTrack>>();

  constructor(options: LagHistoryOptions = {}) {
    this.samplesPerPartition = options.samplesPerPartition ?? 10;
    this.windowMs = options.windowMs;
    this.minSamples = options.minSamples;
    if (!Number.isInteger(this.samplesPerPartition) || this.samplesPerPartition < 2) {
      throw new RangeError(`A lag window needs at least 2 samples per partition; got ${this.samplesPerPartition}.`);
    }
  }

  /**
   * Adds one poll. Samples no newer than the partition's newest are ignored: polls can overlap and
   * finish out of order, and an older reading must not look like a rewind.
   */
  record(groupId: string, topic: string, partition: number, sample: LagSample): boolean {
    if (tryParseOffset(sample.endOffset) === null || (sample.committedOffset !== null && tryParseOffset(sample.committedOffset) === null)) {
      throw new RangeError(`Lag sample for partition ${partition} of ${topic} has an offset that is not a whole number.`);
    }
    let tracks = this.groups.get(groupId);
    if (!tracks) this.groups.set(groupId, (tracks = new Map()));
    const k = key(topic, partition);
    let track = tracks.get(k);
    if (!track) {
      track = { topic, partition, samples: new RingBuffer(this.samplesPerPartition), committed: null };
      tracks.set(k, track);
    }
    const newest = track.samples.peekNewest();
    if (newest && sample.timestamp <= newest.timestamp) return false;
    track.samples.push(sample);
    if (sample.committedOffset !== track.committed || track.committedSince === undefined) {
      track.committed = sample.committedOffset;
      track.committedSince = sample.timestamp;
    }
    if (this.windowMs !== undefined) {
      while (track.samples.size > 1 && sample.timestamp - track.samples.peekOldest()!.timestamp > this.windowMs) track.samples.shift();
    }
    return true;
  }

  /** The partition's window, oldest first. */
  window(groupId: string, topic: string, partition: number): LagSample[] {
    return this.groups.get(groupId)?.get(key(topic, partition))?.samples.toArray() ?? [];
  }

  groupIds(): string[] {
    return [...this.groups.keys()];
  }

  /** Evaluates every partition of the group that has samples, then the group. */
  evaluate(groupId: string, now: number, context: { groupHasMembers?: boolean } = {}): GroupLagEvaluation {
    const tracks = [...(this.groups.get(groupId)?.values() ?? [])];
    const partitions = tracks.map((t) =>
      evaluatePartitionLag({
        topic: t.topic,
        partition: t.partition,
        samples: t.samples.toArray(),
        now,
        committedSince: t.committedSince,
        groupHasMembers: context.groupHasMembers,
        minSamples: this.minSamples,
      }),
    );
    return evaluateGroupLag(groupId, partitions);
  }

  /** Drops partitions the group no longer reads (topic deleted, subscription changed). */
  retainPartitions(groupId: string, current: readonly { topic: string; partition: number }[]): void {
    const tracks = this.groups.get(groupId);
    if (!tracks) return;
    const keep = new Set(current.map((p) => key(p.topic, p.partition)));
    for (const k of tracks.keys()) if (!keep.has(k)) tracks.delete(k);
    if (tracks.size === 0) this.groups.delete(groupId);
  }

  forgetGroup(groupId: string): void {
    this.groups.delete(groupId);
  }
}
