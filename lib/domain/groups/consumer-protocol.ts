import type { GroupDescription } from './group-model';

/**
 * Groups on the KIP-848 consumer protocol (Kafka 4's `group.protocol=consumer`). The classic
 * DescribeGroups API answers such a group as "Dead" with no members; ListGroups v5 gives its type
 * and its real state. Its members need the ConsumerGroupDescribe API, which the console cannot read
 * yet (see MEMBERS_NOTE), so they are marked unknown rather than shown as none.
 */
export const MEMBERS_NOTE =
  'This group uses the KIP-848 consumer protocol. Its members are listed only by the ConsumerGroupDescribe API, which this console cannot read yet (kafkajs lacks it; the @platformatic/kafka release that reads it needs Node 22). State, offsets and lag are exact.';

const STATES: Record<string, string> = { STABLE: 'Stable', EMPTY: 'Empty', ASSIGNING: 'Assigning', RECONCILING: 'Reconciling', DEAD: 'Dead', NOT_READY: 'NotReady' };

/** ListGroups states come in upper case ("STABLE"); the rest of the console uses DescribeGroups' ("Stable"). */
export function consumerProtocolState(listed: string): string {
  return STATES[listed.toUpperCase()] ?? listed;
}

export function consumerProtocolDescription(groupId: string, listedState: string): GroupDescription {
  return { groupId, state: consumerProtocolState(listedState), protocolType: 'consumer', protocol: '', groupProtocol: 'consumer', members: [], membersNote: MEMBERS_NOTE };
}

/**
 * Whether a classic DescribeGroups answer may hide a consumer-protocol group: Kafka answers those
 * as Dead with no protocol type (or, from DescribeGroups v6, with GROUP_ID_NOT_FOUND).
 */
export function mayBeConsumerProtocolGroup(d: GroupDescription, listedProtocolType?: string): boolean {
  return (d.state === 'Dead' || d.state === 'Unknown') && d.protocolType === '' && d.members.length === 0 && listedProtocolType !== '';
}
