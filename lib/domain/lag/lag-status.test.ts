import { describe, expect, it } from 'vitest';
import { evaluateGroupLag, evaluatePartitionLag, LAG_STATUS_ORDER, type LagSample, type PartitionLagEvaluation } from './lag-status';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);

/** Samples one minute apart from [committed, end] pairs; null means "no committed offset". */
function series(pairs: [number | null, number][], extra: Partial<LagSample>[] = []): LagSample[] {
  return pairs.map(([committed, end], i) => ({
    timestamp: T0 + i * MIN,
    committedOffset: committed === null ? null : String(committed),
    endOffset: String(end),
    ...extra[i],
  }));
}

const evaluate = (samples: LagSample[], extra: { now?: number; groupHasMembers?: boolean; committedSince?: number } = {}) =>
  evaluatePartitionLag({ topic: 'task-events', partition: 3, samples, now: extra.now ?? samples.at(-1)?.timestamp ?? T0, ...extra });

describe('evaluatePartitionLag', () => {
  it.each<[string, [number | null, number][], PartitionLagEvaluation['status'], string]>([
    ['caught up now', [[100, 150], [150, 200], [300, 300]], 'OK', 'partition 3 of task-events: caught up (lag 0).'],
    ['caught up earlier in the window', [[100, 100], [100, 300], [100, 500]], 'OK', 'partition 3 of task-events: 400 messages waiting; the consumer was caught up within the last 2 min.'],
    ['lag shrinking', [[100, 600], [400, 800], [700, 900]], 'OK', 'partition 3 of task-events: 200 messages waiting, down from 500; the consumer is keeping up.'],
    ['lag steady while committing', [[100, 105], [200, 205], [300, 305]], 'OK', 'partition 3 of task-events: 5 messages waiting, not growing steadily; the consumer is keeping up.'],
    ['lag up then down', [[100, 200], [150, 400], [390, 600]], 'OK', 'partition 3 of task-events: 210 messages waiting, not growing steadily; the consumer is keeping up.'],
    ['falling behind', [[100, 300], [200, 600], [300, 1504]], 'WARN', 'partition 3 of task-events: the consumer is falling behind: lag grew from 200 to 1,204 over 2 min while it committed 200 messages.'],
    ['offsets frozen, nobody home', [[500, 600], [500, 1000], [500, 1704]], 'STOP', 'partition 3 of task-events: the consumer has not committed for 2 min while 1,204 messages wait.'],
    ['too few samples to judge', [[500, 600], [500, 1000]], 'OK', 'partition 3 of task-events: 500 messages waiting; watching (2 of 3 samples) before judging the trend.'],
    ['rewound and not recovered', [[5000, 6000], [5200, 6100], [1200, 6200]], 'REWIND', 'partition 3 of task-events: the committed offset went back from 5,200 to 1,200, so 4,000 messages will be read again; it has not yet returned to where it was.'],
    ['rewound while caught up is still a rewind', [[5000, 5000], [1200, 5000], [1300, 5000]], 'REWIND', 'partition 3 of task-events: the committed offset went back from 5,000 to 1,200, so 3,800 messages will be read again; it has not yet returned to where it was.'],
    ['rewound and recovered', [[5000, 6000], [1200, 6000], [5500, 6100]], 'OK', 'partition 3 of task-events: 600 messages waiting, down from 1,000; the consumer is keeping up.'],
    ['no commit yet', [[null, 50], [null, 80]], 'UNKNOWN', 'partition 3 of task-events: the group has no committed offset, so its lag is unknown; it depends on where the consumer starts (auto.offset.reset).'],
  ])('%s → %s', (_, pairs, status, explanation) => {
    const r = evaluate(series(pairs));
    expect({ status: r.status, explanation: r.explanation }).toEqual({ status, explanation });
  });

  it('reports the lag and offsets of the newest sample as strings', () => {
    const r = evaluate(series([[100, 300], [200, 600], [300, 1504]]));
    expect(r).toMatchObject({ lag: '1204', committedOffset: '300', endOffset: '1504', severity: 'warning', complete: true });
  });

  it('bounds an unknown lag by the log start when it is known', () => {
    const r = evaluate(series([[null, 1300]], [{ startOffset: '96' }]));
    expect(r).toMatchObject({ status: 'UNKNOWN', lag: null, lagIfFromEarliest: '1204', severity: 'unknown' });
    expect(r.explanation).toBe('partition 3 of task-events: the group has no committed offset, so its lag is unknown; it would be 1,204 messages if the consumer started from the earliest offset.');
  });

  it('judges only samples after the first commit', () => {
    const r = evaluate(series([[null, 100], [null, 200], [100, 300], [200, 600], [300, 1504]]));
    expect(r.status).toBe('WARN');
  });

  it('is UNKNOWN without samples', () => {
    expect(evaluate([])).toMatchObject({ status: 'UNKNOWN', complete: false, explanation: 'partition 3 of task-events: no offsets sampled yet.' });
  });

  it('measures STOP from the last commit seen, even before the window', () => {
    const samples = series([[500, 600], [500, 1000], [500, 1704]]);
    const r = evaluate(samples, { committedSince: T0 - 4 * MIN, now: T0 + 2 * MIN });
    expect(r.explanation).toBe('partition 3 of task-events: the consumer has not committed for 6 min while 1,204 messages wait.');
    expect(r.lastCommitAt).toBe(T0 - 4 * MIN);
  });

  it('calls frozen offsets STALL when the group has members', () => {
    const r = evaluate(series([[500, 600], [500, 1000], [500, 1704]]), { groupHasMembers: true });
    expect(r.status).toBe('STALL');
    expect(r.explanation).toBe('partition 3 of task-events: the group has members but its offset has not moved past 500 for 2 min while 1,204 messages wait; it may be stuck on a message.');
  });

  it('calls frozen offsets STALL when commits are seen inside the window', () => {
    const samples = series([[500, 600], [500, 1000], [500, 1704]], [{ commitTimestamp: T0 - 1000 }, { commitTimestamp: T0 + 50_000 }, { commitTimestamp: T0 + 110_000 }]);
    const r = evaluate(samples, { now: T0 + 2 * MIN });
    expect(r.status).toBe('STALL');
    expect(r.lastCommitAt).toBe(T0 + 110_000);
    expect(r.explanation).toContain('the consumer keeps committing but has not moved past 500 for 10 s');
  });

  it('uses known commit times for STOP', () => {
    const samples = series([[500, 600], [500, 1000], [500, 1704]], [{ commitTimestamp: T0 - 10 * MIN }, { commitTimestamp: T0 - 10 * MIN }, { commitTimestamp: T0 - 10 * MIN }]);
    expect(evaluate(samples).explanation).toBe('partition 3 of task-events: the consumer has not committed for 12 min while 1,204 messages wait.');
  });

  it('honours minSamples', () => {
    const samples = series([[500, 600], [500, 1000]]);
    expect(evaluatePartitionLag({ topic: 't', partition: 0, samples, now: T0 + MIN, minSamples: 2 }).status).toBe('STOP');
  });

  it('rejects garbage offsets with a message naming the partition', () => {
    expect(() => evaluate([{ timestamp: T0, committedOffset: 'abc', endOffset: '5' }])).toThrow('committed offset of partition 3 of task-events must be a whole number');
  });
});

describe('evaluateGroupLag', () => {
  const p = (partition: number, status: PartitionLagEvaluation['status'], lag: string | null, topic = 'task-events'): PartitionLagEvaluation => ({
    topic,
    partition,
    status,
    severity: 'ok',
    lag,
    committedOffset: null,
    endOffset: null,
    lagIfFromEarliest: null,
    lastCommitAt: null,
    complete: true,
    explanation: `partition ${partition} of ${topic}: ${status}.`,
  });

  it('orders statuses as Burrow does, with UNKNOWN just above OK', () => {
    expect(LAG_STATUS_ORDER).toEqual(['OK', 'UNKNOWN', 'WARN', 'STOP', 'STALL', 'REWIND']);
  });

  it.each<[string, PartitionLagEvaluation[], string, string]>([
    ['all OK', [p(0, 'OK', '5'), p(1, 'OK', '7')], 'OK', 'all 2 partitions of group billing are OK; total lag 12.'],
    ['one warning', [p(0, 'OK', '5'), p(1, 'WARN', '700')], 'WARN', 'partition 1 of task-events: WARN.'],
    ['STOP beats WARN', [p(0, 'WARN', '900'), p(1, 'STOP', '10')], 'STOP', 'partition 1 of task-events: STOP. 1 more partition needs attention.'],
    ['REWIND is worst', [p(0, 'STALL', '5'), p(1, 'REWIND', '1'), p(2, 'STOP', '1')], 'REWIND', 'partition 1 of task-events: REWIND. 2 more partitions need attention.'],
    ['UNKNOWN above OK', [p(0, 'OK', '0'), p(1, 'UNKNOWN', null)], 'UNKNOWN', 'partition 1 of task-events: UNKNOWN.'],
    ['no partitions', [], 'OK', 'no partitions of group billing have been sampled yet.'],
  ])('%s', (_, partitions, status, explanation) => {
    const g = evaluateGroupLag('billing', partitions);
    expect({ status: g.status, explanation: g.explanation }).toEqual({ status, explanation });
  });

  it('does not call a group OK-for-sure while some partitions are still being watched', () => {
    const g = evaluateGroupLag('billing', [p(0, 'OK', '5'), { ...p(1, 'OK', '7'), complete: false }]);
    expect(g).toMatchObject({ status: 'OK', explanation: 'total lag 12; 1 of 2 partitions of group billing have too few samples to judge a trend yet, and none shows a problem so far.' });
  });

  it('sorts worst first, then by lag, and sums known lag', () => {
    const g = evaluateGroupLag('billing', [p(0, 'OK', '5'), p(1, 'WARN', '70'), p(2, 'WARN', '700'), p(3, 'UNKNOWN', null)]);
    expect(g.partitions.map((x) => x.partition)).toEqual([2, 1, 3, 0]);
    expect(g).toMatchObject({ totalLag: '775', unknownPartitions: 1, severity: 'warning' });
  });
});
