import { describe, expect, it } from 'vitest';
import { applyOffsetResetInput, deleteGroupInput, previewOffsetResetInput, resetTargetProblem } from './group-inputs';

const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]));

describe('previewOffsetResetInput', () => {
  it('accepts every strategy, for one topic or all', () => {
    for (const strategy of [
      { kind: 'earliest' },
      { kind: 'latest' },
      { kind: 'timestamp', timestamp: '1735732800000' },
      { kind: 'offset', offset: ' 42 ' },
      { kind: 'shift', by: '-100' },
    ]) {
      expect(previewOffsetResetInput.safeParse({ cluster: 'local', groupId: 'billing', topic: null, strategy }).success).toBe(true);
    }
    expect(previewOffsetResetInput.parse({ cluster: 'local', groupId: 'g', topic: 'orders', strategy: { kind: 'offset', offset: ' 42 ' } }).strategy).toEqual({ kind: 'offset', offset: '42' });
  });

  it('names what is wrong with each strategy', () => {
    const bad = (strategy: object) => messages(previewOffsetResetInput.safeParse({ cluster: 'local', groupId: 'g', topic: null, strategy }));
    expect(bad({ kind: 'offset', offset: '-1' })).toEqual({ 'strategy.offset': 'Offsets are whole numbers ≥ 0.' });
    expect(bad({ kind: 'offset', offset: '9223372036854775808' })).toEqual({ 'strategy.offset': 'Offsets go up to 9223372036854775807.' });
    expect(bad({ kind: 'shift', by: '0' })).toEqual({ 'strategy.by': 'A shift of 0 changes nothing.' });
    expect(bad({ kind: 'shift', by: 'ten' })).toEqual({ 'strategy.by': 'Shift by a whole number of messages, negative to move back (e.g. -100).' });
    expect(bad({ kind: 'timestamp', timestamp: 'yesterday' })).toEqual({ 'strategy.timestamp': 'Choose a date and time.' });
  });

  it('rejects an empty group id and control characters', () => {
    expect(messages(previewOffsetResetInput.safeParse({ cluster: 'local', groupId: '', topic: null, strategy: { kind: 'latest' } }))).toEqual({ groupId: 'Enter a consumer group id.' });
    expect(messages(previewOffsetResetInput.safeParse({ cluster: 'local', groupId: 'a\nb', topic: null, strategy: { kind: 'latest' } }))).toEqual({ groupId: 'Group ids cannot contain control characters.' });
  });
});

describe('applyOffsetResetInput', () => {
  it('needs at least one partition', () => {
    expect(messages(applyOffsetResetInput.safeParse({ cluster: 'local', groupId: 'g', topics: [] }))).toEqual({ topics: 'Preview the reset first.' });
    expect(applyOffsetResetInput.safeParse({ cluster: 'local', groupId: 'g', topics: [{ topic: 'orders', partitions: [{ partition: 0, offset: '10' }] }] }).success).toBe(true);
  });
});

describe('deleteGroupInput', () => {
  it('requires the exact group id as confirmation', () => {
    expect(messages(deleteGroupInput.safeParse({ cluster: 'local', groupId: 'billing', confirmation: 'Billing' }))).toEqual({ confirmation: 'Type the group id exactly to confirm.' });
    expect(deleteGroupInput.safeParse({ cluster: 'local', groupId: 'billing', confirmation: 'billing' }).success).toBe(true);
  });
});

describe('resetTargetProblem', () => {
  it('accepts a target inside the current range and explains one outside', () => {
    expect(resetTargetProblem('orders', { partition: 0, offset: '10' }, { low: '10', high: '20' })).toBeNull();
    expect(resetTargetProblem('orders', { partition: 0, offset: '9' }, { low: '10', high: '20' })).toBe(
      'Partition 0 of "orders" now holds offsets 10 to 20; 9 is outside them (retention deleted records since the preview). Preview again.',
    );
    expect(resetTargetProblem('orders', { partition: 3, offset: '9' }, undefined)).toBe('Topic "orders" has no partition 3 any more; preview again.');
  });
});
