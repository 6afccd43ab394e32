import 'server-only';
import { consumerProtocolDescription } from '@/lib/domain/groups/consumer-protocol';
import type { GroupDescription } from '@/lib/domain/groups/group-model';
import { platformaticAdminFor } from './platformatic-client';

/** Describes groups that may be on the KIP-848 consumer protocol; snapshots take it as a function. */
export type DescribeConsumerProtocolGroups = (groupIds: readonly string[]) => Promise<Map<string, GroupDescription>>;

/**
 * ListGroups v5 filtered to type "consumer" (kafkajs sends ListGroups v2, which has neither type
 * nor state): the asked-for groups that are consumer-protocol groups, with their real state.
 * @platformatic/kafka 1.35 (its last Node 20 line) also has ConsumerGroupDescribe, but it misreads
 * the members' subscribed topic names (an array read as a string) and with them every field after;
 * 2.x reads it right and needs Node 22. So members stay unknown, and say so.
 */
export function consumerProtocolGroupsOf(clusterName: string): DescribeConsumerProtocolGroups {
  return async (groupIds) => {
    const found = new Map<string, GroupDescription>();
    if (groupIds.length === 0) return found;
    const wanted = new Set(groupIds);
    const listed = await platformaticAdminFor(clusterName).listGroups({ types: ['consumer'] });
    for (const g of listed.values()) if (wanted.has(g.id) && g.groupType === 'consumer') found.set(g.id, consumerProtocolDescription(g.id, g.state));
    return found;
  };
}
