import 'server-only';
import { AssignerProtocol } from 'kafkajs';
import type { TopicPartitions } from '@/lib/domain/groups/group-model';

/**
 * A member's assignment as the consumer protocol encodes it (ConsumerProtocolAssignment: version,
 * [topic [partition]], user data). Versions 0 to 3 share that layout, so kafkajs's decoder reads
 * Java clients' assignments as well as its own. Other protocol types (Connect workers, Kafka Streams
 * leaders' extra user data aside) are not consumer assignments and are not decoded.
 */
export function decodeMemberAssignment(protocolType: string, raw: Buffer | null | undefined): { assignment: TopicPartitions[] | null; note?: string } {
  if (protocolType !== 'consumer') {
    return { assignment: null, note: protocolType ? `"${protocolType}" group: its members' assignments are not consumer partitions.` : undefined };
  }
  if (!raw || raw.length === 0) return { assignment: [], note: 'no partitions assigned (yet)' };
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(raw);
    if (!decoded) return { assignment: [] };
    const assignment = Object.entries(decoded.assignment)
      .map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }))
      .sort((a, b) => a.topic.localeCompare(b.topic));
    return { assignment };
  } catch (e) {
    return { assignment: null, note: `the assignment could not be decoded (${(e as Error).message})` };
  }
}
