import { formatCount, INT64_MAX, lagBetween, tryParseOffset } from './offsets';

/**
 * Where to move a consumer group's committed offsets, as kafka-consumer-groups.sh --reset-offsets
 * offers it. Timestamps are resolved to offsets by the caller (ListOffsets with a timestamp is I/O);
 * the planner only applies the result.
 */
export type OffsetResetStrategy =
  | { kind: 'earliest' }
  | { kind: 'latest' }
  /**
   * `offsets[partition]` is the first offset whose timestamp is at or after `timestamp`, or null when
   * no such message exists (the broker answers -1): the group then goes to the end, as Kafka's tool does.
   */
  | { kind: 'timestamp'; timestamp: number; offsets: Readonly<Record<number, string | null>> }
  | { kind: 'offset'; offset: string }
  /** Relative to the committed offset; negative moves back ("-100"). */
  | { kind: 'shift'; by: string };

export interface ResetPartitionState {
  partition: number;
  /** Log start offset (low watermark). */
  low: string;
  /** Log end offset (high watermark). */
  high: string;
  /** The group's committed offset, or null when it has none. */
  committed: string | null;
}

export interface OffsetResetRow {
  partition: number;
  current: string | null;
  target: string;
  /** Lag right after the reset: high − target. */
  lagAfter: string;
  /** target − current (negative = messages will be read again); null without a current offset. */
  change: string | null;
  /** Why the target is not what was asked (clamped to the retained range, no message after the timestamp). */
  note?: string;
}

export type OffsetResetPlan = { ok: true; topic: string; rows: OffsetResetRow[] } | { ok: false; errors: string[] };

/**
 * The preview of a reset: per partition the current and target offsets and the lag that follows.
 * Targets outside [low, high] are clamped, as the broker would refuse them and Kafka's own tool
 * clamps too; every clamp is noted so the preview never hides a surprise. Errors are collected for
 * all partitions so the form can show them together.
 */
export function planOffsetReset(
  topic: string,
  partitions: readonly ResetPartitionState[],
  strategy: OffsetResetStrategy,
  selected?: readonly number[],
): OffsetResetPlan {
  const errors: string[] = [];
  if (partitions.length === 0) return { ok: false, errors: [`Topic "${topic}" has no partitions to reset.`] };

  const known = new Map(partitions.map((p) => [p.partition, p]));
  for (const p of selected ?? []) if (!known.has(p)) errors.push(`Topic "${topic}" has no partition ${p}.`);
  const chosen = selected ? partitions.filter((p) => selected.includes(p.partition)) : [...partitions];
  if (selected && selected.length === 0) errors.push('Choose at least one partition to reset.');

  let exact: bigint | null = null;
  let shift: bigint | null = null;
  if (strategy.kind === 'offset') {
    exact = tryParseOffset(strategy.offset);
    if (exact === null) errors.push(`Offset "${strategy.offset}" must be a whole number from 0 to ${INT64_MAX}.`);
  } else if (strategy.kind === 'shift') {
    shift = /^[+-]?\d{1,19}$/.test(strategy.by) ? BigInt(strategy.by) : null;
    if (shift === null) errors.push(`Shift "${strategy.by}" must be a whole number, negative to move back (e.g. -100).`);
  }

  const rows: OffsetResetRow[] = [];
  for (const p of [...chosen].sort((a, b) => a.partition - b.partition)) {
    const low = tryParseOffset(p.low);
    const high = tryParseOffset(p.high);
    const current = p.committed === null ? null : tryParseOffset(p.committed);
    if (low === null || high === null || low > high || (p.committed !== null && current === null)) {
      errors.push(`Partition ${p.partition} has unreadable offsets (low ${p.low}, high ${p.high}, committed ${p.committed ?? 'none'}); reload and try again.`);
      continue;
    }
    let wanted: bigint;
    let note: string | undefined;
    switch (strategy.kind) {
      case 'earliest':
        wanted = low;
        break;
      case 'latest':
        wanted = high;
        break;
      case 'timestamp': {
        const resolved = strategy.offsets[p.partition];
        if (resolved === undefined) {
          errors.push(`No offset was looked up for partition ${p.partition} at ${new Date(strategy.timestamp).toISOString()}.`);
          continue;
        }
        if (resolved === null) {
          wanted = high;
          note = `no message at or after ${new Date(strategy.timestamp).toISOString()}; moves to the end`;
          break;
        }
        const parsed = tryParseOffset(resolved);
        if (parsed === null) {
          errors.push(`The offset found for partition ${p.partition} ("${resolved}") is not a whole number.`);
          continue;
        }
        wanted = parsed;
        break;
      }
      case 'offset':
        if (exact === null) continue;
        wanted = exact;
        break;
      case 'shift':
        if (shift === null) continue;
        if (current === null) {
          errors.push(`Partition ${p.partition} has no committed offset to shift from; choose earliest, latest, a timestamp or an exact offset.`);
          continue;
        }
        wanted = current + shift;
        break;
    }
    let target = wanted;
    if (wanted < low) {
      target = low;
      note =
        wanted < 0n
          ? `the shift lands ${formatCount(-wanted)} before offset 0; clamped to the earliest retained offset ${formatCount(low)}`
          : `offset ${formatCount(wanted)} is before the earliest retained offset; clamped to ${formatCount(low)}`;
    } else if (wanted > high) {
      target = high;
      note = `offset ${formatCount(wanted)} is past the end of the log; clamped to ${formatCount(high)}`;
    }
    rows.push({
      partition: p.partition,
      current: current?.toString() ?? null,
      target: target.toString(),
      lagAfter: lagBetween(target, high).toString(),
      change: current === null ? null : (target - current).toString(),
      ...(note ? { note } : {}),
    });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, topic, rows };
}

/**
 * Kafka commits a reset only for a group without members (OffsetCommit from outside the group is
 * rejected while it is active), and a running consumer would overwrite the new offsets with its
 * next commit anyway. Returns why the reset cannot run, or null.
 */
export function offsetResetGuardProblem(group: { groupId: string; state: string; memberCount: number }): string | null {
  if (group.memberCount > 0) {
    const members = `${group.memberCount} active member${group.memberCount === 1 ? '' : 's'}`;
    return `Group "${group.groupId}" has ${members}; stop its consumers, wait until the group is Empty, then reset.`;
  }
  if (group.state !== 'Empty' && group.state !== 'Dead') {
    return `Group "${group.groupId}" is ${group.state}; offsets can be reset only when it is Empty. Wait for the rebalance to finish with no members.`;
  }
  return null;
}
