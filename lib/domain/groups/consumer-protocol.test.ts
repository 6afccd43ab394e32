import { describe, expect, it } from 'vitest';
import { consumerProtocolDescription, consumerProtocolState, mayBeConsumerProtocolGroup } from './consumer-protocol';
import { offsetResetGuardProblem } from '../lag/offset-reset';

describe('KIP-848 consumer-protocol groups', () => {
  it('turns ListGroups states into the casing the console uses', () => {
    expect(consumerProtocolState('STABLE')).toBe('Stable');
    expect(consumerProtocolState('EMPTY')).toBe('Empty');
    expect(consumerProtocolState('RECONCILING')).toBe('Reconciling');
    expect(consumerProtocolState('ASSIGNING')).toBe('Assigning');
    expect(consumerProtocolState('SomethingNew')).toBe('SomethingNew');
  });

  it('describes the group with its real state and says why members are not listed', () => {
    const d = consumerProtocolDescription('notification-service', 'STABLE');
    expect(d).toMatchObject({ groupId: 'notification-service', state: 'Stable', protocolType: 'consumer', groupProtocol: 'consumer', members: [] });
    expect(d.membersNote).toMatch(/KIP-848/);
  });

  it('refuses an offset reset for a Stable consumer-protocol group although no members are listed', () => {
    const d = consumerProtocolDescription('notification-service', 'STABLE');
    expect(offsetResetGuardProblem({ groupId: d.groupId, state: d.state, memberCount: d.members.length })).toMatch(/is Stable; offsets can be reset only when it is Empty/);
    const empty = consumerProtocolDescription('notification-service', 'EMPTY');
    expect(offsetResetGuardProblem({ groupId: empty.groupId, state: empty.state, memberCount: 0 })).toBeNull();
  });

  it('suspects a Dead answer without protocol type, unless the group list says it only holds offsets', () => {
    const dead = { groupId: 'g', state: 'Dead', protocolType: '', protocol: '', members: [] };
    expect(mayBeConsumerProtocolGroup(dead)).toBe(true);
    expect(mayBeConsumerProtocolGroup(dead, 'consumer')).toBe(true);
    expect(mayBeConsumerProtocolGroup(dead, '')).toBe(false);
    expect(mayBeConsumerProtocolGroup({ ...dead, state: 'Empty', protocolType: 'consumer' })).toBe(false);
  });
});
