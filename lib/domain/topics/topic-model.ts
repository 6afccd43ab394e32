import type { PartitionInfo } from '../cluster/cluster-model';

export type ConfigSource = 'topic' | 'broker' | 'cluster' | 'static-broker' | 'default' | 'unknown';

export interface TopicConfigEntry {
  name: string;
  value: string | null;
  source: ConfigSource;
  readOnly: boolean;
  sensitive: boolean;
}

export interface PartitionDetail extends PartitionInfo {
  /** null when the broker could not say (e.g. the partition is offline). */
  lowWatermark: string | null;
  highWatermark: string | null;
}

export interface TopicDetail {
  name: string;
  internal: boolean;
  replicationFactor: number;
  partitions: PartitionDetail[];
  configs: TopicConfigEntry[];
  /** Sum over partitions of high − low watermark: records currently retained (approximate under compaction). */
  retainedRecords: string | null;
  /** Why watermarks are missing, when they are (an offline partition fails ListOffsets for the topic). */
  watermarksError?: string;
}

/** null when any partition's watermarks are unknown: a partial sum would understate silently. */
export function retainedRecords(partitions: readonly Pick<PartitionDetail, 'lowWatermark' | 'highWatermark'>[]): string | null {
  let sum = 0n;
  for (const p of partitions) {
    if (p.lowWatermark === null || p.highWatermark === null) return null;
    sum += BigInt(p.highWatermark) - BigInt(p.lowWatermark);
  }
  return sum.toString();
}
