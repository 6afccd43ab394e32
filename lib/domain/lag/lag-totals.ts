import type { PartitionLagEvaluation } from './lag-status';

export interface TopicLagTotal {
  topic: string;
  /** Sum of the known lags of the topic's partitions. */
  lag: string;
  partitions: number;
  /** Partitions without a committed offset: their lag is not in `lag`. */
  unknownPartitions: number;
}

export interface LagTotals {
  lag: string;
  partitions: number;
  unknownPartitions: number;
  /** Most lag first, then by name. */
  byTopic: TopicLagTotal[];
}

/**
 * Totals for a group (or any set of partitions). Unknown lags are counted, not summed as zero,
 * so a total never looks smaller than it is without saying so.
 */
export function lagTotals(partitions: readonly Pick<PartitionLagEvaluation, 'topic' | 'lag'>[]): LagTotals {
  const topics = new Map<string, { lag: bigint; partitions: number; unknown: number }>();
  let lag = 0n;
  let unknown = 0;
  for (const p of partitions) {
    const t = topics.get(p.topic) ?? { lag: 0n, partitions: 0, unknown: 0 };
    t.partitions++;
    if (p.lag === null) {
      t.unknown++;
      unknown++;
    } else {
      const n = BigInt(p.lag);
      t.lag += n;
      lag += n;
    }
    topics.set(p.topic, t);
  }
  const byTopic = [...topics]
    .map(([topic, t]) => ({ topic, lag: t.lag, partitions: t.partitions, unknownPartitions: t.unknown }))
    .sort((a, b) => (a.lag === b.lag ? a.topic.localeCompare(b.topic) : a.lag > b.lag ? -1 : 1))
    .map((t) => ({ ...t, lag: t.lag.toString() }));
  return { lag: lag.toString(), partitions: partitions.length, unknownPartitions: unknown, byTopic };
}
