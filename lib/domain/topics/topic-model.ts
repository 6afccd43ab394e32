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

/**
 * The configs set on the topic itself. kafkajs only has the legacy AlterConfigs API, which replaces
 * the topic's whole dynamic config set, so every edit must resend these alongside the change.
 */
export function topicLevelOverrides(entries: readonly TopicConfigEntry[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of entries) if (e.source === 'topic' && e.value !== null) out[e.name] = e.value;
  return out;
}

/** The full config set to send with legacy AlterConfigs: current overrides, then sets, minus resets. */
export function mergeTopicConfigs(current: Record<string, string>, set: Record<string, string>, reset: readonly string[]): Record<string, string> {
  const merged = { ...current, ...set };
  for (const key of reset) delete merged[key];
  return merged;
}
