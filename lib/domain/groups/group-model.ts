import type { GroupLagEvaluation, LagSeverity, PartitionLagStatus } from '../lag/lag-status';
import { lagTotals, type LagTotals } from '../lag/lag-totals';
import type { OffsetResetRow } from '../lag/offset-reset';

/**
 * Consumer groups as the console shows them: plain, JSON-safe DTOs (offsets are decimal strings).
 * The adapter (lib/kafka/groups-*) fills them from DescribeGroups, OffsetFetch and ListOffsets.
 */

/** DescribeGroups' states (classic protocol), plus what a broker may answer for unknown groups. */
export type ConsumerGroupState = 'Empty' | 'Stable' | 'PreparingRebalance' | 'CompletingRebalance' | 'Dead' | 'Unknown' | (string & {});

export interface TopicPartitions {
  topic: string;
  partitions: number[];
}

export interface GroupMember {
  memberId: string;
  clientId: string;
  /** As the broker saw the connection, e.g. "/127.0.0.1". */
  host: string;
  /** The consumer protocol assignment, decoded; null when the group is not a consumer group or it could not be read. */
  assignment: TopicPartitions[] | null;
  /** Why the assignment is not shown (e.g. a Connect worker's assignment is not a consumer assignment). */
  assignmentNote?: string;
}

export interface GroupDescription {
  groupId: string;
  state: ConsumerGroupState;
  /** "consumer" for consumer groups, "connect" for Connect workers, "" for groups that only hold offsets. */
  protocolType: string;
  /** The partition assignor in use (e.g. "RoundRobinAssigner"), "" when the group is not Stable. */
  protocol: string;
  /** Set for groups on the KIP-848 consumer protocol; classic groups leave it out. */
  groupProtocol?: 'consumer';
  members: GroupMember[];
  /** Why `members` is empty although the group may have members (see consumer-protocol.ts). */
  membersNote?: string;
}

export interface CommittedOffset {
  topic: string;
  partition: number;
  /** null when the group has no committed offset for the partition. */
  offset: string | null;
}

export interface PartitionWatermarks {
  partition: number;
  low: string;
  high: string;
}

/** One group's part of a lag snapshot. */
export interface GroupOffsets {
  description: GroupDescription;
  committed: CommittedOffset[];
  /** Set when the group's offsets could not be read; the group is still listed. */
  error?: string;
}

/** One poll of a cluster (or of some of its groups): what the sampler records into the history. */
export interface LagSnapshot {
  takenAt: number;
  /** True when every group of the cluster was read (list and metrics need that; a detail page does not). */
  complete: boolean;
  groups: GroupOffsets[];
  /** Watermarks per topic, read once per topic whatever the number of groups reading it. */
  watermarks: Record<string, PartitionWatermarks[]>;
  /** Topics whose watermarks could not be read, with why. */
  watermarkErrors: Record<string, string>;
  /** How long the poll took, in ms. */
  durationMs: number;
}

/** Partitions whose lag matters for a group: those it has committed, and those assigned to its members. */
export function groupPartitions(group: GroupOffsets): { topic: string; partition: number; committed: string | null }[] {
  const byKey = new Map<string, { topic: string; partition: number; committed: string | null }>();
  for (const c of group.committed) byKey.set(`${c.topic}\u0000${c.partition}`, { ...c, committed: c.offset });
  for (const m of group.description.members) {
    for (const a of m.assignment ?? []) {
      for (const partition of a.partitions) {
        const key = `${a.topic}\u0000${partition}`;
        if (!byKey.has(key)) byKey.set(key, { topic: a.topic, partition, committed: null });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The topics a group reads or has offsets for, sorted. */
export function groupTopics(group: GroupOffsets): string[] {
  return [...new Set(groupPartitions(group).map((p) => p.topic))].sort();
}

export interface ConsumerGroupSummary {
  groupId: string;
  state: ConsumerGroupState;
  protocolType: string;
  memberCount: number;
  /** The group is on the KIP-848 protocol and its members could not be listed (memberCount is 0 then). */
  membersUnknown?: true;
  topics: string[];
  /** Sum of the known lags; partitions without a commit are counted in unknownPartitions instead. */
  totalLag: string;
  partitions: number;
  unknownPartitions: number;
  status: PartitionLagStatus;
  severity: LagSeverity;
  /** False while the history holds too few samples to judge a trend for some partition. */
  statusComplete: boolean;
  explanation: string;
  error?: string;
}

export function summarizeGroup(group: GroupOffsets, evaluation: GroupLagEvaluation): ConsumerGroupSummary {
  return {
    groupId: group.description.groupId,
    state: group.description.state,
    protocolType: group.description.protocolType,
    memberCount: group.description.members.length,
    ...(group.description.membersNote ? { membersUnknown: true as const } : {}),
    topics: groupTopics(group),
    totalLag: evaluation.totalLag,
    partitions: evaluation.partitions.length,
    unknownPartitions: evaluation.unknownPartitions,
    status: evaluation.status,
    severity: evaluation.severity,
    statusComplete: evaluation.partitions.every((p) => p.complete),
    explanation: evaluation.explanation,
    ...(group.error ? { error: group.error } : {}),
  };
}

/** A point of a group's lag history: the chart's data. */
export interface LagPoint {
  /** ms since the epoch. */
  t: number;
  /** Total known lag of the group at t. */
  lag: number;
}

export interface PartitionOwner {
  memberId: string;
  clientId: string;
  host: string;
}

/** Which member reads each partition, keyed "topic\0partition" (see ownerKey). */
export function partitionOwners(members: readonly GroupMember[]): Map<string, PartitionOwner> {
  const owners = new Map<string, PartitionOwner>();
  for (const m of members) {
    for (const a of m.assignment ?? []) for (const p of a.partitions) owners.set(ownerKey(a.topic, p), { memberId: m.memberId, clientId: m.clientId, host: m.host });
  }
  return owners;
}

export const ownerKey = (topic: string, partition: number) => `${topic}\u0000${partition}`;

export interface ConsumerGroupDetail {
  description: GroupDescription;
  evaluation: GroupLagEvaluation;
  totals: LagTotals;
  /** Oldest first. */
  history: LagPoint[];
  sampledAt: number;
  /** The sampler's interval, so the page can say how fresh "live" is. */
  sampleIntervalMs: number;
  /** Points the history keeps, so the live chart keeps as many. */
  historyCapacity: number;
  error?: string;
  watermarkErrors: Record<string, string>;
}

export function groupTotals(evaluation: GroupLagEvaluation): LagTotals {
  return lagTotals(evaluation.partitions);
}

/** One topic of an offset-reset preview. */
export interface OffsetResetTopicPlan {
  topic: string;
  rows: OffsetResetRow[];
}

export interface OffsetResetPreview {
  groupId: string;
  state: ConsumerGroupState;
  topics: OffsetResetTopicPlan[];
  /** Why the reset cannot be applied now (the group has members), or null. */
  guardProblem: string | null;
}

export interface AppliedOffsetReset {
  groupId: string;
  /** The committed offsets read back from Kafka after the reset. */
  topics: { topic: string; partitions: { partition: number; offset: string | null }[] }[];
}
