import 'server-only';
import type { Admin, GroupDescription as KafkaGroupDescription } from 'kafkajs';
import { groupTopics, type GroupDescription, type GroupOffsets, type LagSnapshot, type PartitionWatermarks } from '@/lib/domain/groups/group-model';
import { decodeMemberAssignment } from './groups-assignment';
import { chunks, mapSettledLimit } from './lag-concurrency';
import { toConsoleError } from './errors';
import { isUnknownTopicError } from './groups-admin';
import { mayBeConsumerProtocolGroup } from '@/lib/domain/groups/consumer-protocol';
import type { DescribeConsumerProtocolGroups } from './consumer-protocol-groups';

/** The admin calls a snapshot makes; tests pass a counting wrapper. */
export type LagAdmin = Pick<Admin, 'listGroups' | 'describeGroups' | 'fetchOffsets' | 'fetchTopicOffsets' | 'listTopics' | 'fetchTopicMetadata'>;

/** Every group of the cluster, or the named ones. */
export type SnapshotScope = 'all' | readonly string[];

export interface SnapshotOptions {
  /** Groups per DescribeGroups request (kafkajs sends one per coordinator per call). */
  describeBatch?: number;
  /** DescribeGroups calls in flight. */
  describeConcurrency?: number;
  /** OffsetFetch in flight: kafkajs fetches one group per request (plus a FindCoordinator). */
  offsetsConcurrency?: number;
  /** Topics whose watermarks are read at once (two ListOffsets each). */
  watermarkConcurrency?: number;
  /**
   * What an unknown-topic answer for a topic the cluster lists means: 'throw' (the admin's metadata
   * is stale; see groups-admin.ts) or 'record' (the topic was deleted meanwhile).
   */
  onUnknownTopic?: 'throw' | 'record';
  /** Describes KIP-848 groups, which the classic DescribeGroups answers as Dead. */
  describeConsumerProtocol?: DescribeConsumerProtocolGroups;
  now?: () => number;
}

const message = (e: unknown) => toConsoleError(e).message;

export function toGroupDescription(g: KafkaGroupDescription): GroupDescription {
  return {
    groupId: g.groupId,
    state: g.state,
    protocolType: g.protocolType,
    protocol: g.protocol,
    members: g.members
      .map((m) => {
        const { assignment, note } = decodeMemberAssignment(g.protocolType, m.memberAssignment);
        return { memberId: m.memberId, clientId: m.clientId, host: m.clientHost, assignment, ...(note ? { assignmentNote: note } : {}) };
      })
      .sort((a, b) => a.clientId.localeCompare(b.clientId) || a.memberId.localeCompare(b.memberId)),
  };
}

const unknownGroup = (groupId: string, protocolType = ''): GroupDescription => ({ groupId, state: 'Unknown', protocolType, protocol: '', members: [] });

/**
 * DescribeGroups in batches. kafkajs fails a whole call when one group in it answers an error (a
 * group using the new KIP-848 protocol can), so a failed batch is retried group by group and only
 * the groups that fail alone are marked unreadable.
 */
type DescribeOptions = Required<Pick<SnapshotOptions, 'describeBatch' | 'describeConcurrency' | 'offsetsConcurrency'>> & Pick<SnapshotOptions, 'describeConsumerProtocol'>;

async function describeAll(admin: LagAdmin, ids: readonly string[], options: DescribeOptions, protocolTypes: Map<string, string>) {
  const described = new Map<string, GroupDescription>();
  const errors = new Map<string, string>();
  const batchList = chunks(ids, options.describeBatch);
  const batches = await mapSettledLimit(batchList, options.describeConcurrency, (batch) => admin.describeGroups(batch));
  const retry: string[] = [];
  batches.forEach((r, i) => {
    const batch = batchList[i]!;
    if (r.ok) for (const g of r.value.groups) described.set(g.groupId, toGroupDescription(g));
    else retry.push(...batch);
  });
  const single = await mapSettledLimit(retry, options.offsetsConcurrency, (id) => admin.describeGroups([id]));
  single.forEach((r, i) => {
    const id = retry[i]!;
    if (r.ok && r.value.groups[0]) described.set(id, toGroupDescription(r.value.groups[0]));
    else {
      described.set(id, unknownGroup(id, protocolTypes.get(id)));
      errors.set(id, `The group could not be described: ${r.ok ? 'no answer' : message(r.error)}`);
    }
  });
  for (const id of ids) if (!described.has(id)) described.set(id, { ...unknownGroup(id, protocolTypes.get(id)), state: 'Dead' });
  const suspects = ids.filter((id) => mayBeConsumerProtocolGroup(described.get(id)!, protocolTypes.get(id)));
  if (suspects.length && options.describeConsumerProtocol) {
    try {
      for (const [id, d] of await options.describeConsumerProtocol(suspects)) {
        described.set(id, d);
        errors.delete(id);
      }
    } catch (e) {
      // Classic answers stand; a listed group still says why it may look wrong.
      for (const id of suspects) if (protocolTypes.get(id)) errors.set(id, `Whether the group uses the KIP-848 consumer protocol could not be checked: ${message(e)}`);
    }
  }
  return { described, errors };
}

/**
 * One lag reading of a cluster: ListGroups, DescribeGroups in batches, committed offsets with
 * bounded concurrency (kafkajs has no multi-group OffsetFetch), then watermarks once per topic,
 * however many groups read it. Failures are per group or per topic and travel as data.
 */
export async function takeLagSnapshot(admin: LagAdmin, scope: SnapshotScope, options: SnapshotOptions = {}): Promise<LagSnapshot> {
  const opts = { describeBatch: 100, describeConcurrency: 2, offsetsConcurrency: 24, watermarkConcurrency: 8, onUnknownTopic: 'record' as const, ...options };
  const now = options.now ?? Date.now;
  const started = performance.now();
  const protocolTypes = new Map<string, string>();
  let ids: string[];
  if (scope === 'all') {
    const { groups } = await admin.listGroups();
    for (const g of groups) protocolTypes.set(g.groupId, g.protocolType);
    ids = [...new Set(groups.map((g) => g.groupId))].sort();
  } else {
    ids = [...new Set(scope)];
  }
  const takenAt = now();
  const { described, errors } = await describeAll(admin, ids, opts, protocolTypes);

  const offsets = await mapSettledLimit(ids, opts.offsetsConcurrency, async (groupId) => {
    // A Dead group does not exist: nothing to fetch.
    if (described.get(groupId)!.state === 'Dead') return [];
    return admin.fetchOffsets({ groupId });
  });
  const groups: GroupOffsets[] = ids.map((groupId, i) => {
    const r = offsets[i]!;
    const description = described.get(groupId)!;
    if (!r.ok) return { description, committed: [], error: `Committed offsets could not be read: ${message(r.error)}` };
    const committed = r.value.flatMap((t) =>
      t.partitions.map((p) => ({ topic: t.topic, partition: p.partition, offset: Number(p.offset) < 0 ? null : p.offset })),
    );
    const error = errors.get(groupId);
    return { description, committed, ...(error ? { error } : {}) };
  });

  const topics = [...new Set(groups.flatMap(groupTopics))].sort();
  const watermarks: Record<string, PartitionWatermarks[]> = {};
  const watermarkErrors: Record<string, string> = {};
  if (topics.length > 0) {
    // kafkajs refreshes metadata each time a call names a topic it has not seen; name them all in
    // one request first (and skip deleted topics, which would fail every refresh after them).
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    for (const t of topics) if (!existing.has(t)) watermarkErrors[t] = `Topic "${t}" no longer exists; the group still holds offsets for it.`;
    if (present.length) await admin.fetchTopicMetadata({ topics: present });
    const marks = await mapSettledLimit(present, opts.watermarkConcurrency, (t) => admin.fetchTopicOffsets(t));
    if (opts.onUnknownTopic === 'throw') {
      const stale = marks.find((r) => !r.ok && isUnknownTopicError(r.error));
      if (stale && !stale.ok) throw stale.error;
    }
    marks.forEach((r, i) => {
      const topic = present[i]!;
      if (r.ok) watermarks[topic] = r.value.map((o) => ({ partition: o.partition, low: o.low, high: o.high })).sort((a, b) => a.partition - b.partition);
      else watermarkErrors[topic] = `End offsets of "${topic}" could not be read: ${message(r.error)}`;
    });
  }
  return { takenAt, complete: scope === 'all', groups, watermarks, watermarkErrors, durationMs: Math.round(performance.now() - started) };
}
