/** Plain data the console shows about a cluster; adapters fill these, pages render them. */
export interface BrokerInfo {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
  isController: boolean;
}

export interface PartitionInfo {
  partition: number;
  /** -1 when the partition has no leader (offline). */
  leader: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export interface TopicMetadata {
  name: string;
  internal: boolean;
  partitions: PartitionInfo[];
}

export interface ClusterOverview {
  clusterId: string;
  controllerId: number | null;
  brokers: BrokerInfo[];
  topicCount: number;
  internalTopicCount: number;
  partitionCount: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
  /**
   * Broker ids that replicas are assigned to but that are not alive: Kafka's metadata lists only live
   * brokers, so a dead broker shows up only through the replica sets that still name it.
   */
  missingBrokerIds: number[];
  /** Partitions that are under-replicated or offline, worst first, capped for display. */
  unhealthyPartitions: { topic: string; partition: number; leader: number; replicas: number[]; isr: number[] }[];
}

export function isUnderReplicated(p: PartitionInfo): boolean {
  return p.isr.length < p.replicas.length;
}

export function isOffline(p: PartitionInfo): boolean {
  return p.leader < 0;
}

export function replicationFactorOf(t: TopicMetadata): number {
  return t.partitions.reduce((rf, p) => Math.max(rf, p.replicas.length), 0);
}

export function missingBrokerIds(topics: readonly TopicMetadata[], liveBrokerIds: Iterable<number>): number[] {
  const live = new Set(liveBrokerIds);
  const missing = new Set<number>();
  for (const t of topics) for (const p of t.partitions) for (const r of p.replicas) if (!live.has(r)) missing.add(r);
  return [...missing].sort((a, b) => a - b);
}

/** Summarises topic metadata into the overview's counts. */
export function summarizePartitions(topics: readonly TopicMetadata[], unhealthyLimit = 50): Omit<ClusterOverview, 'clusterId' | 'controllerId' | 'brokers' | 'missingBrokerIds'> {
  let partitionCount = 0;
  let underReplicated = 0;
  let offline = 0;
  let internal = 0;
  const unhealthy: ClusterOverview['unhealthyPartitions'] = [];
  for (const t of topics) {
    if (t.internal) internal++;
    for (const p of t.partitions) {
      partitionCount++;
      const off = isOffline(p);
      const under = isUnderReplicated(p);
      if (off) offline++;
      if (under) underReplicated++;
      if ((off || under) && unhealthy.length < unhealthyLimit) {
        unhealthy.push({ topic: t.name, partition: p.partition, leader: p.leader, replicas: p.replicas, isr: p.isr });
      }
    }
  }
  unhealthy.sort((a, b) => Number(a.leader >= 0) - Number(b.leader >= 0) || a.topic.localeCompare(b.topic) || a.partition - b.partition);
  return {
    topicCount: topics.length - internal,
    internalTopicCount: internal,
    partitionCount,
    underReplicatedPartitions: underReplicated,
    offlinePartitions: offline,
    unhealthyPartitions: unhealthy,
  };
}
