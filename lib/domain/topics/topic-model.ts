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
  lowWatermark: string;
  highWatermark: string;
}

export interface TopicDetail {
  name: string;
  internal: boolean;
  replicationFactor: number;
  partitions: PartitionDetail[];
  configs: TopicConfigEntry[];
  /** Sum over partitions of high − low watermark: records currently retained (approximate under compaction). */
  retainedRecords: string;
}

export function retainedRecords(partitions: readonly Pick<PartitionDetail, 'lowWatermark' | 'highWatermark'>[]): string {
  return partitions.reduce((sum, p) => sum + (BigInt(p.highWatermark) - BigInt(p.lowWatermark)), 0n).toString();
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
