import { describe, expect, it } from 'vitest';
import { offsetResetGuardProblem, planOffsetReset, type OffsetResetStrategy, type ResetPartitionState } from './offset-reset';

const partitions: ResetPartitionState[] = [
  { partition: 1, low: '100', high: '500', committed: '480' },
  { partition: 0, low: '0', high: '1000', committed: '900' },
  { partition: 2, low: '50', high: '50', committed: null },
];

const rows = (strategy: OffsetResetStrategy, selected?: number[]) => {
  const plan = planOffsetReset('orders', partitions, strategy, selected);
  if (!plan.ok) throw new Error(plan.errors.join('\n'));
  return plan.rows.map((r) => [r.partition, r.current, r.target, r.lagAfter, r.change, r.note ?? '']);
};
const errors = (strategy: OffsetResetStrategy, selected?: number[], parts = partitions) => {
  const plan = planOffsetReset('orders', parts, strategy, selected);
  return plan.ok ? [] : plan.errors;
};

describe('planOffsetReset', () => {
  it.each<[string, OffsetResetStrategy, (string | number | null)[][]]>([
    ['earliest', { kind: 'earliest' }, [[0, '900', '0', '1000', '-900', ''], [1, '480', '100', '400', '-380', ''], [2, null, '50', '0', null, '']]],
    ['latest', { kind: 'latest' }, [[0, '900', '1000', '0', '100', ''], [1, '480', '500', '0', '20', ''], [2, null, '50', '0', null, '']]],
    [
      'exact offset, clamped where out of range',
      { kind: 'offset', offset: '300' },
      [
        [0, '900', '300', '700', '-600', ''],
        [1, '480', '300', '200', '-180', ''],
        [2, null, '50', '0', null, 'offset 300 is past the end of the log; clamped to 50'],
      ],
    ],
    [
      'shift back',
      { kind: 'shift', by: '-400' },
      [
        [0, '900', '500', '500', '-400', ''],
        [1, '480', '100', '400', '-380', 'offset 80 is before the earliest retained offset; clamped to 100'],
      ],
    ],
    [
      'shift back past zero',
      { kind: 'shift', by: '-1000' },
      [
        [0, '900', '0', '1000', '-900', 'the shift lands 100 before offset 0; clamped to the earliest retained offset 0'],
        [1, '480', '100', '400', '-380', 'the shift lands 520 before offset 0; clamped to the earliest retained offset 100'],
      ],
    ],
    [
      'timestamp resolved by the caller',
      { kind: 'timestamp', timestamp: Date.UTC(2025, 0, 1), offsets: { 0: '950', 1: null, 2: '50' } },
      [
        [0, '900', '950', '50', '50', ''],
        [1, '480', '500', '0', '20', 'no message at or after 2025-01-01T00:00:00.000Z; moves to the end'],
        [2, null, '50', '0', null, ''],
      ],
    ],
  ])('%s', (_, strategy, expected) => {
    const selected = strategy.kind === 'shift' ? [0, 1] : undefined;
    expect(rows(strategy, selected)).toEqual(expected);
  });

  it('plans only the selected partitions', () => {
    expect(rows({ kind: 'latest' }, [1]).map((r) => r[0])).toEqual([1]);
  });

  it.each<[string, OffsetResetStrategy, number[] | undefined, string[]]>([
    ['unknown partition', { kind: 'latest' }, [7], ['Topic "orders" has no partition 7.']],
    ['nothing selected', { kind: 'latest' }, [], ['Choose at least one partition to reset.']],
    ['bad exact offset', { kind: 'offset', offset: '12a' }, undefined, ['Offset "12a" must be a whole number from 0 to 9223372036854775807.']],
    ['bad shift', { kind: 'shift', by: '1.5' }, undefined, ['Shift "1.5" must be a whole number, negative to move back (e.g. -100).']],
    ['shift without a commit', { kind: 'shift', by: '10' }, undefined, ['Partition 2 has no committed offset to shift from; choose earliest, latest, a timestamp or an exact offset.']],
    ['timestamp not looked up', { kind: 'timestamp', timestamp: 0, offsets: { 0: '1', 1: '2' } }, undefined, ['No offset was looked up for partition 2 at 1970-01-01T00:00:00.000Z.']],
    ['timestamp lookup garbage', { kind: 'timestamp', timestamp: 0, offsets: { 0: '-1', 1: '2', 2: '3' } }, undefined, ['The offset found for partition 0 ("-1") is not a whole number.']],
  ])('%s', (_, strategy, selected, expected) => expect(errors(strategy, selected)).toEqual(expected));

  it('rejects unreadable watermarks and empty topics', () => {
    expect(errors({ kind: 'earliest' }, undefined, [{ partition: 0, low: '9', high: '3', committed: null }])).toEqual([
      'Partition 0 has unreadable offsets (low 9, high 3, committed none); reload and try again.',
    ]);
    expect(errors({ kind: 'earliest' }, undefined, [])).toEqual(['Topic "orders" has no partitions to reset.']);
  });
});

describe('offsetResetGuardProblem', () => {
  it.each([
    [{ groupId: 'billing', state: 'Empty', memberCount: 0 }, null],
    [{ groupId: 'billing', state: 'Dead', memberCount: 0 }, null],
    [{ groupId: 'billing', state: 'Stable', memberCount: 3 }, 'Group "billing" has 3 active members; stop its consumers, wait until the group is Empty, then reset.'],
    [{ groupId: 'billing', state: 'Stable', memberCount: 1 }, 'Group "billing" has 1 active member; stop its consumers, wait until the group is Empty, then reset.'],
    [{ groupId: 'billing', state: 'PreparingRebalance', memberCount: 0 }, 'Group "billing" is PreparingRebalance; offsets can be reset only when it is Empty. Wait for the rebalance to finish with no members.'],
  ])('%j', (group, expected) => expect(offsetResetGuardProblem(group)).toBe(expected));
});
