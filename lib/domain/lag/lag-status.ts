import { formatCount, formatDuration, lagBetween, parseOffset } from './offsets';

/**
 * Consumer lag evaluated after Burrow's rules (linkedin/Burrow wiki, "Consumer Lag Evaluation
 * Rules"): a partition is judged by how its committed offset and lag move across a window of
 * samples, not by a fixed lag threshold, so a busy consumer that keeps up is OK at any lag and a
 * dead one is flagged at any lag above zero.
 *
 * Where our input differs from Burrow's, the rules adapt:
 * - Burrow's window holds one entry per commit. Ours holds one per poll of OffsetFetch and
 *   ListOffsets, which does not see commits that repeat the same offset. So "no commit" means
 *   "the committed offset has not changed", unless the sampler knows commit times
 *   (`commitTimestamp`, e.g. from reading __consumer_offsets).
 * - That makes Burrow's STOP and STALL look alike. We tell them apart by evidence that the
 *   consumer is alive: known commits inside the window, or members in the group. Alive but not
 *   moving is STALL (often a message it cannot process); nobody there is STOP.
 * - Burrow warns when lag "stays the same or increases" between every pair of samples. A poller
 *   sees constant lag on a healthy consumer that keeps a steady in-flight backlog, so WARN also
 *   needs the lag to have grown from the first sample to the last.
 * - A partition without a committed offset has unknown lag (it depends on auto.offset.reset).
 *   Burrow does not report such partitions; we do, as UNKNOWN, because a group that has never
 *   committed on a partition is worth seeing.
 */
export type PartitionLagStatus = 'OK' | 'UNKNOWN' | 'WARN' | 'STOP' | 'STALL' | 'REWIND';

/**
 * Worst last. Burrow orders its statuses OK < WARN < ERR < STOP < STALL < REWIND and a group takes
 * its worst partition; STOP, STALL and REWIND are all errors. UNKNOWN sits just above OK: it hides
 * nothing that is known to be wrong, but should not read as healthy either.
 */
export const LAG_STATUS_ORDER: readonly PartitionLagStatus[] = ['OK', 'UNKNOWN', 'WARN', 'STOP', 'STALL', 'REWIND'];

export type LagSeverity = 'ok' | 'unknown' | 'warning' | 'error';

export const LAG_SEVERITY: Readonly<Record<PartitionLagStatus, LagSeverity>> = {
  OK: 'ok',
  UNKNOWN: 'unknown',
  WARN: 'warning',
  STOP: 'error',
  STALL: 'error',
  REWIND: 'error',
};

export function lagStatusRank(status: PartitionLagStatus): number {
  return LAG_STATUS_ORDER.indexOf(status);
}

/** One poll of a partition for one consumer group. */
export interface LagSample {
  /** When the offsets were read, in ms since the epoch. */
  timestamp: number;
  /**
   * The group's committed offset (the next offset it will read), or null when it has none.
   * kafkajs' fetchOffsets reports "none" as '-1': the sampler maps it to null.
   */
  committedOffset: string | null;
  /** The partition's log end offset (high watermark) read at the same time. */
  endOffset: string;
  /** The log start offset, when known: it bounds the lag of a group that has not committed yet. */
  startOffset?: string;
  /** When the committed offset was written, if the source knows (OffsetFetch does not). */
  commitTimestamp?: number;
}

export interface PartitionLagInput {
  topic: string;
  partition: number;
  /** Oldest first, as the history keeps them. */
  samples: readonly LagSample[];
  /** The time of evaluation, in ms since the epoch. */
  now: number;
  /**
   * When the current committed offset was first seen. The history tracks it beyond its window; it
   * is the best stand-in for the last commit time when commit timestamps are unknown.
   */
  committedSince?: number;
  /** From DescribeGroups: members present means a consumer is alive (STALL rather than STOP). */
  groupHasMembers?: boolean;
  /** Samples needed before trends are judged; fewer gives OK with `complete: false`. */
  minSamples?: number;
}

export interface PartitionLagEvaluation {
  topic: string;
  partition: number;
  status: PartitionLagStatus;
  severity: LagSeverity;
  /** end − committed at the newest sample; null when the group has no committed offset. */
  lag: string | null;
  committedOffset: string | null;
  endOffset: string | null;
  /** For a partition without a commit: the lag it would have from the log start, when known. */
  lagIfFromEarliest: string | null;
  /** Best known time of the last commit (see `committedSince`), or null. */
  lastCommitAt: number | null;
  /** False while the window holds too few samples to judge a trend. */
  complete: boolean;
  /** One sentence for people: what is wrong and how much is waiting. */
  explanation: string;
}

export const DEFAULT_MIN_SAMPLES = 3;

interface ParsedSample {
  timestamp: number;
  committed: bigint | null;
  end: bigint;
  start: bigint | null;
  commitTimestamp?: number;
}

function parseSample(s: LagSample, where: string): ParsedSample {
  return {
    timestamp: s.timestamp,
    committed: s.committedOffset === null ? null : parseOffset(s.committedOffset, `committed offset of ${where}`),
    end: parseOffset(s.endOffset, `end offset of ${where}`),
    start: s.startOffset === undefined ? null : parseOffset(s.startOffset, `start offset of ${where}`),
    commitTimestamp: s.commitTimestamp,
  };
}

/** Applies the rules in Burrow's order: REWIND, then "caught up at some point", then STOP/STALL, then WARN. */
export function evaluatePartitionLag(input: PartitionLagInput): PartitionLagEvaluation {
  const { topic, partition, now } = input;
  const where = `partition ${partition} of ${topic}`;
  const minSamples = Math.max(2, input.minSamples ?? DEFAULT_MIN_SAMPLES);
  const samples = input.samples.map((s) => parseSample(s, where));
  const latest = samples.at(-1);

  const result = (status: PartitionLagStatus, explanation: string, extra: Partial<PartitionLagEvaluation> = {}): PartitionLagEvaluation => ({
    topic,
    partition,
    status,
    severity: LAG_SEVERITY[status],
    lag: latest?.committed != null ? lagBetween(latest.committed, latest.end).toString() : null,
    committedOffset: latest?.committed?.toString() ?? null,
    endOffset: latest?.end.toString() ?? null,
    lagIfFromEarliest: null,
    lastCommitAt: null,
    complete: true,
    explanation: `${where}: ${explanation}`,
    ...extra,
  });

  if (!latest) return result('UNKNOWN', 'no offsets sampled yet.', { complete: false });

  if (latest.committed === null) {
    const fromEarliest = latest.start === null ? null : lagBetween(latest.start, latest.end);
    const bound =
      fromEarliest === null
        ? 'it depends on where the consumer starts (auto.offset.reset).'
        : `it would be ${messages(fromEarliest)} if the consumer started from the earliest offset.`;
    return result('UNKNOWN', `the group has no committed offset, so its lag is unknown; ${bound}`, {
      lagIfFromEarliest: fromEarliest?.toString() ?? null,
    });
  }

  // Samples from before the group's first commit carry no position; the rules look at the rest.
  const known = samples.filter((s): s is ParsedSample & { committed: bigint } => s.committed !== null);
  const lags = known.map((s) => lagBetween(s.committed, s.end));
  const currentLag = lags.at(-1)!;
  const lastCommitAt = lastCommitTime(known, input.committedSince);
  const base = { lastCommitAt };

  const rewind = lastUnrecoveredRewind(known);
  if (rewind) {
    const again = rewind.from - rewind.to;
    return result(
      'REWIND',
      `the committed offset went back from ${formatCount(rewind.from)} to ${formatCount(rewind.to)}, so ${messages(again)} will be read again; it has not yet returned to where it was.`,
      base,
    );
  }

  if (currentLag === 0n) return result('OK', 'caught up (lag 0).', base);
  if (lags.some((l) => l === 0n)) {
    return result('OK', `${messages(currentLag)} waiting; the consumer was caught up within the last ${formatDuration(now - known[0]!.timestamp)}.`, base);
  }
  if (known.length < minSamples) {
    return result('OK', `${messages(currentLag)} waiting; watching (${known.length} of ${minSamples} samples) before judging the trend.`, {
      ...base,
      complete: false,
    });
  }

  const first = known[0]!;
  const last = known.at(-1)!;
  if (first.committed === last.committed) {
    const committedInWindow = known.some((s) => s.commitTimestamp !== undefined && s.commitTimestamp > first.timestamp);
    const idle = formatDuration(now - (lastCommitAt ?? first.timestamp));
    if (committedInWindow || input.groupHasMembers === true) {
      const evidence = committedInWindow ? 'the consumer keeps committing but' : 'the group has members but its offset';
      return result(
        'STALL',
        `${evidence} has not moved past ${formatCount(last.committed)} for ${idle} while ${messages(currentLag)} wait; it may be stuck on a message.`,
        base,
      );
    }
    return result('STOP', `the consumer has not committed for ${idle} while ${messages(currentLag)} wait.`, base);
  }

  const neverShrinks = lags.every((l, i) => i === 0 || l >= lags[i - 1]!);
  if (last.committed > first.committed && neverShrinks && currentLag > lags[0]!) {
    return result(
      'WARN',
      `the consumer is falling behind: lag grew from ${formatCount(lags[0]!)} to ${formatCount(currentLag)} over ${formatDuration(last.timestamp - first.timestamp)} while it committed ${messages(last.committed - first.committed)}.`,
      base,
    );
  }
  const trend = currentLag < lags[0]! ? `down from ${formatCount(lags[0]!)}` : 'not growing steadily';
  return result('OK', `${messages(currentLag)} waiting, ${trend}; the consumer is keeping up.`, base);
}

function messages(n: bigint): string {
  return `${formatCount(n)} ${n === 1n ? 'message' : 'messages'}`;
}

/** Known commit times win; otherwise the first sighting of the current offset (an upper bound on the real commit time). */
function lastCommitTime(known: readonly (ParsedSample & { committed: bigint })[], committedSince: number | undefined): number | null {
  let best: number | null = null;
  for (const s of known) if (s.commitTimestamp !== undefined && (best === null || s.commitTimestamp > best)) best = s.commitTimestamp;
  if (best !== null) return best;
  const last = known.at(-1);
  if (!last) return null;
  if (committedSince !== undefined) return committedSince;
  let since = last.timestamp;
  for (let i = known.length - 1; i >= 0 && known[i]!.committed === last.committed; i--) since = known[i]!.timestamp;
  return since;
}

/**
 * The last drop of the committed offset that the consumer has not climbed back from. A rewind that
 * was made good (the offset passed its old high point again) is history, not a problem (Burrow
 * PR #716 evaluates it the same way).
 */
function lastUnrecoveredRewind(known: readonly { committed: bigint }[]): { from: bigint; to: bigint } | null {
  const current = known.at(-1)?.committed;
  if (current === undefined) return null;
  for (let i = known.length - 1; i > 0; i--) {
    const before = known[i - 1]!.committed;
    const after = known[i]!.committed;
    if (after < before) return current < before ? { from: before, to: after } : null;
  }
  return null;
}

export interface GroupLagEvaluation {
  groupId: string;
  /** The worst partition's status (see LAG_STATUS_ORDER); OK for a group with no partitions. */
  status: PartitionLagStatus;
  severity: LagSeverity;
  /** Worst first; within a status, most lag first. */
  partitions: PartitionLagEvaluation[];
  /** Sum of known lags. */
  totalLag: string;
  unknownPartitions: number;
  explanation: string;
}

/** A group is as healthy as its worst partition, as in Burrow. */
export function evaluateGroupLag(groupId: string, partitions: readonly PartitionLagEvaluation[]): GroupLagEvaluation {
  const sorted = [...partitions].sort(
    (a, b) =>
      lagStatusRank(b.status) - lagStatusRank(a.status) ||
      compareLag(b.lag, a.lag) ||
      a.topic.localeCompare(b.topic) ||
      a.partition - b.partition,
  );
  let total = 0n;
  let unknown = 0;
  for (const p of partitions) {
    if (p.lag === null) unknown++;
    else total += BigInt(p.lag);
  }
  const worst = sorted[0];
  const status = worst?.status ?? 'OK';
  const problems = sorted.filter((p) => p.status !== 'OK').length;
  let explanation: string;
  if (!worst) explanation = `no partitions of group ${groupId} have been sampled yet.`;
  else if (status === 'OK' && partitions.some((p) => !p.complete)) {
    // "All OK" would overstate what a window too short to show a trend can tell.
    const watching = partitions.filter((p) => !p.complete).length;
    explanation = `total lag ${formatCount(total)}; ${watching} of ${partitions.length} partitions of group ${groupId} have too few samples to judge a trend yet, and none shows a problem so far.`;
  } else if (status === 'OK') explanation = `all ${partitions.length} partitions of group ${groupId} are OK; total lag ${formatCount(total)}.`;
  else explanation = problems > 1 ? `${worst.explanation} ${problems - 1} more partition${problems > 2 ? 's need' : ' needs'} attention.` : worst.explanation;
  return { groupId, status, severity: LAG_SEVERITY[status], partitions: sorted, totalLag: total.toString(), unknownPartitions: unknown, explanation };
}

function compareLag(a: string | null, b: string | null): number {
  const x = a === null ? -1n : BigInt(a);
  const y = b === null ? -1n : BigInt(b);
  return x === y ? 0 : x > y ? 1 : -1;
}
