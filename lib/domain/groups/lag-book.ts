import { LagHistory, type LagHistoryOptions } from '../lag/lag-history';
import type { GroupLagEvaluation } from '../lag/lag-status';
import { RingBuffer } from '../stream/ring-buffer';
import { groupPartitions, summarizeGroup, type ConsumerGroupSummary, type GroupOffsets, type LagPoint, type LagSnapshot } from './group-model';

export interface LagBookOptions extends LagHistoryOptions {
  /** Points kept per group for the lag chart (default 360: 30 minutes at one sample per 5 s). */
  seriesCapacity?: number;
}

export interface GroupLagState {
  offsets: GroupOffsets;
  evaluation: GroupLagEvaluation;
  /** When the group was last sampled. */
  sampledAt: number;
}

/**
 * What the lag sampler knows about a cluster: the Burrow window per partition (LagHistory), a
 * bounded series of total lag per group for the chart, and each group's latest reading. Pure and
 * synchronous, so the rules are tested without a broker; the sampler adapter only feeds it polls.
 * Memory is bounded by groups × (partitions × window + series capacity); a complete snapshot
 * forgets groups the cluster no longer has.
 */
export class LagBook {
  readonly history: LagHistory;
  readonly seriesCapacity: number;
  private readonly series = new Map<string, RingBuffer<LagPoint>>();
  private readonly latest = new Map<string, GroupLagState>();

  constructor(options: LagBookOptions = {}) {
    this.history = new LagHistory(options);
    this.seriesCapacity = options.seriesCapacity ?? 360;
  }

  /** Records one poll and returns the evaluation of every group in it, judged at the poll's time. */
  record(snapshot: LagSnapshot): Map<string, GroupLagState> {
    const out = new Map<string, GroupLagState>();
    for (const group of snapshot.groups) {
      const groupId = group.description.groupId;
      if (group.description.state === 'Dead' && group.committed.length === 0 && !group.error) {
        // Kafka answers "Dead" for a group that does not exist (never created, or deleted).
        this.forget(groupId);
        continue;
      }
      const partitions = groupPartitions(group);
      if (!group.error) {
        for (const p of partitions) {
          const marks = snapshot.watermarks[p.topic]?.find((w) => w.partition === p.partition);
          if (!marks) continue;
          this.history.record(groupId, p.topic, p.partition, { timestamp: snapshot.takenAt, committedOffset: p.committed, endOffset: marks.high, startOffset: marks.low });
        }
        this.history.retainPartitions(groupId, partitions);
      }
      const evaluation = this.history.evaluate(groupId, snapshot.takenAt, { groupHasMembers: group.description.members.length > 0 });
      if (!group.error) this.pushPoint(groupId, { t: snapshot.takenAt, lag: Number(evaluation.totalLag) });
      const state = { offsets: group, evaluation, sampledAt: snapshot.takenAt };
      this.latest.set(groupId, state);
      out.set(groupId, state);
    }
    if (snapshot.complete) {
      const present = new Set(snapshot.groups.map((g) => g.description.groupId));
      for (const id of [...this.latest.keys()]) if (!present.has(id)) this.forget(id);
    }
    return out;
  }

  private pushPoint(groupId: string, point: LagPoint) {
    let ring = this.series.get(groupId);
    if (!ring) this.series.set(groupId, (ring = new RingBuffer(this.seriesCapacity)));
    const newest = ring.peekNewest();
    if (newest && point.t <= newest.t) return;
    ring.push(point);
  }

  state(groupId: string): GroupLagState | undefined {
    return this.latest.get(groupId);
  }

  /** The group's lag over time, oldest first. */
  points(groupId: string): LagPoint[] {
    return this.series.get(groupId)?.toArray() ?? [];
  }

  summaries(): ConsumerGroupSummary[] {
    return [...this.latest.values()].map((s) => summarizeGroup(s.offsets, s.evaluation));
  }

  groupIds(): string[] {
    return [...this.latest.keys()];
  }

  /** Drops the group's Burrow window (its offsets jumped on purpose) but keeps its chart and latest reading. */
  resetWindow(groupId: string): void {
    this.history.forgetGroup(groupId);
  }

  forget(groupId: string): void {
    this.history.forgetGroup(groupId);
    this.series.delete(groupId);
    this.latest.delete(groupId);
  }
}
