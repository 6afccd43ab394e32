import 'server-only';
import { ConsoleError } from '@/lib/domain/console-error';
import { platformaticAdminFor } from './platformatic-client';

export interface OffsetsToCommit {
  topic: string;
  partitions: { partition: number; offset: string }[];
}

/**
 * Commits offsets for an Empty group the way Kafka's own kafka-consumer-groups --reset-offsets
 * does: one OffsetCommit from outside the group (generation/epoch −1). kafkajs has no such call
 * (its admin.setOffsets joins the group as a classic member, which also turns an empty KIP-848
 * group into a classic one), so this uses @platformatic/kafka. The broker refuses the commit while
 * the group has members; a consumer that joins right after could still commit over it, so the
 * caller reads the offsets back and compares.
 */
export async function commitGroupOffsets(clusterName: string, groupId: string, topics: readonly OffsetsToCommit[]): Promise<void> {
  try {
    await platformaticAdminFor(clusterName).alterConsumerGroupOffsets({
      groupId,
      topics: topics.map((t) => ({ name: t.topic, partitionOffsets: t.partitions.map((p) => ({ partition: p.partition, offset: BigInt(p.offset) })) })),
    });
  } catch (e) {
    const reasons = brokerErrors(e);
    if (reasons.some((r) => GROUP_HAS_MEMBERS.has(r))) {
      throw new ConsoleError({
        category: 'conflict',
        message: `Kafka refused the new offsets for group "${groupId}" (${reasons.join(', ')}): a consumer joined the group. Stop it, wait until the group is Empty, then preview again.`,
        retryable: true,
      });
    }
    throw new ConsoleError({
      category: reasons.length ? 'conflict' : 'unavailable',
      message: `Committing the new offsets for group "${groupId}" failed: ${reasons.length ? reasons.join(', ') : e instanceof Error ? e.message : String(e)}. Nothing was changed; preview again.`,
      retryable: true,
    });
  }
}

// What the broker answers an OffsetCommit from outside a group that has members.
const GROUP_HAS_MEMBERS = new Set(['UNKNOWN_MEMBER_ID', 'ILLEGAL_GENERATION', 'STALE_MEMBER_EPOCH', 'REBALANCE_IN_PROGRESS', 'FENCED_MEMBER_EPOCH']);

/** The broker's error names, from @platformatic/kafka's nested errors (AggregateError → ResponseError → ProtocolError). */
function brokerErrors(e: unknown): string[] {
  const names = new Set<string>();
  const walk = (x: unknown, depth: number) => {
    if (!x || typeof x !== 'object' || depth > 4) return;
    const err = x as { apiId?: unknown; errors?: unknown };
    if (typeof err.apiId === 'string') names.add(err.apiId);
    if (Array.isArray(err.errors)) for (const inner of err.errors) walk(inner, depth + 1);
  };
  walk(e, 0);
  return [...names];
}
