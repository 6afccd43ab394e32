import { describe, expect, it } from 'vitest';
import { advanceCursor, cursorOf, decodeStreamCursor, encodeStreamCursor, MAX_CURSOR_LENGTH, mergePositions, planResume, samePosition } from './stream-cursor';

const at = (entries: [number, bigint][]) => new Map(entries);

describe('encodeStreamCursor / decodeStreamCursor', () => {
  it.each<[string, Map<number, bigint>, string]>([
    ['contiguous partitions', at([[0, 100n], [1, 200n], [2, 300n]]), 'v1.dz4kbw.2s_5k_8c'],
    ['gaps and unsorted input', at([[5, 0n], [0, 35n], [1, 36n]]), 'v1.dz4kbw.z_10_5~0'],
    ['int64 max', at([[0, 2n ** 63n - 1n]]), 'v1.dz4kbw.1y2p0ij32e8e7'],
    ['empty', at([]), 'v1.dz4kbw.'],
  ])('%s', (_, cursor, id) => {
    expect(encodeStreamCursor('orders', cursor)).toBe(id);
    expect(decodeStreamCursor(id, 'orders')).toEqual({ ok: true, cursor });
  });

  it('round-trips many partitions and stays header-safe', () => {
    const cursor = at(Array.from({ length: 500 }, (_, p) => [p, BigInt(p) * 1_000_003n + 9_007_199_254_740_993n] as [number, bigint]));
    const id = encodeStreamCursor('task-events', cursor)!;
    expect(id).toMatch(/^[0-9a-z._~]+$/);
    expect(decodeStreamCursor(id, 'task-events')).toEqual({ ok: true, cursor });
  });

  it('gives up on positions too long for a header', () => {
    const cursor = at(Array.from({ length: 2000 }, (_, p) => [p, 2n ** 62n] as [number, bigint]));
    expect(encodeStreamCursor('orders', cursor)).toBeNull();
  });

  const reload = ' Reload to start a new stream of "orders".';
  it.each<[string, string]>([
    ['', 'Last-Event-ID "" is not a stream position written by this server.'],
    ['garbage', 'Last-Event-ID "garbage" is not a stream position written by this server.'],
    ['v1.dz4kbw.2s;5k', 'Last-Event-ID "v1.dz4kbw.2s;5k" is not a stream position written by this server.'],
    ['V1.dz4kbw.2s', 'Last-Event-ID "V1.dz4kbw.2s" is not a stream position written by this server.'],
    ['v2.dz4kbw.2s', 'Last-Event-ID uses position format v2; this server reads v1.'],
    ['v1.zzzz.2s', 'Last-Event-ID belongs to a stream of another topic.'],
    ['v1.dz4kbw.2s__5k', 'Last-Event-ID has a malformed entry "".'],
    ['v1.dz4kbw.1~2~3', 'Last-Event-ID has a malformed entry "1~2~3".'],
    ['v1.dz4kbw.2s_0~5', 'Last-Event-ID lists partition 0 twice or out of order.'],
    ['v1.dz4kbw.5~1_3~1', 'Last-Event-ID lists partition 3 twice or out of order.'],
    ['v1.dz4kbw.zzzzzz~1', 'Last-Event-ID names partition 2176782335, beyond Kafka\'s range.'],
    ['v1.dz4kbw.zzzzzzzzzzzzz', "Last-Event-ID has an offset for partition 0 beyond Kafka's range."],
    ['v1.dz4kbw.' + 'A'.repeat(60), 'Last-Event-ID "v1.dz4kbw.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA…" is not a stream position written by this server.'],
    ['x'.repeat(MAX_CURSOR_LENGTH + 1), `Last-Event-ID is ${MAX_CURSOR_LENGTH + 1} characters long; a stream position is at most ${MAX_CURSOR_LENGTH}.`],
  ])('refuses %#', (id, error) => expect(decodeStreamCursor(id, 'orders')).toEqual({ ok: false, error: error + reload }));
});

describe('cursorOf and advanceCursor', () => {
  it('moves each partition past its last delivered message, never back', () => {
    const start = cursorOf([{ partition: 0, offset: '10' }, { partition: 1, offset: '20' }]);
    const next = advanceCursor(start, [
      { partition: 0, offset: '10' },
      { partition: 0, offset: '14' },
      { partition: 1, offset: '5' },
      { partition: 2, offset: '0' },
    ]);
    expect(next).toEqual(at([[0, 15n], [1, 20n], [2, 1n]]));
    expect(start).toEqual(at([[0, 10n], [1, 20n]]));
  });

  it('refuses bad start positions', () => {
    expect(() => cursorOf([{ partition: -1, offset: '0' }])).toThrow('Partition -1 at offset "0" is not a stream position.');
    expect(() => cursorOf([{ partition: 0, offset: 'x' }])).toThrow('is not a stream position');
  });
});

describe('planResume', () => {
  const partitions = [
    { partition: 2, low: '0', high: '10' },
    { partition: 0, low: '100', high: '500' },
    { partition: 1, low: '0', high: '40' },
    { partition: 3, low: '7', high: '9' },
  ];
  it('seeks each partition to its next offset, and says where it cannot', () => {
    const cursor = at([[0, 50n], [1, 40n], [2, 60n], [9, 1n]]);
    expect(planResume(cursor, partitions)).toEqual({
      steps: [
        { partition: 0, seekTo: '100', reason: 'retention', missed: '50' },
        { partition: 1, seekTo: '40', reason: 'resume' },
        { partition: 2, seekTo: '10', reason: 'beyond-end' },
        { partition: 3, seekTo: '7', reason: 'new-partition' },
      ],
      gone: [9],
    });
    expect(planResume(cursor, partitions, { newPartitions: 'latest' }).steps[3]).toEqual({ partition: 3, seekTo: '9', reason: 'new-partition' });
  });

  it('resumes a decoded id with no gap and no duplicate', () => {
    const delivered = advanceCursor(cursorOf([{ partition: 0, offset: '100' }]), [{ partition: 0, offset: '120' }]);
    const decoded = decodeStreamCursor(encodeStreamCursor('orders', delivered)!, 'orders');
    if (!decoded.ok) throw new Error(decoded.error);
    expect(planResume(decoded.cursor, [{ partition: 0, low: '100', high: '500' }]).steps).toEqual([{ partition: 0, seekTo: '121', reason: 'resume' }]);
  });

  it('refuses unreadable watermarks', () => {
    expect(() => planResume(at([]), [{ partition: 0, low: '5', high: '1' }])).toThrow('Partition 0 has unreadable watermarks (low 5, high 1).');
  });
});

describe('mergePositions and samePosition', () => {
  it('moves each partition of a batch forward, never back, and keeps the others', () => {
    const at = new Map([
      [0, 10n],
      [1, 20n],
    ]);
    const next = mergePositions(at, new Map([[1, 25n], [2, 3n]]));
    expect([...next]).toEqual([
      [0, 10n],
      [1, 25n],
      [2, 3n],
    ]);
    expect(mergePositions(next, new Map([[1, 5n]])).get(1)).toBe(25n);
    expect(at.get(1)).toBe(20n);
  });

  it.each<[string, [number, bigint][], [number, bigint][], boolean]>([
    ['equal', [[0, 1n], [1, 2n]], [[1, 2n], [0, 1n]], true],
    ['an offset differs', [[0, 1n]], [[0, 2n]], false],
    ['a partition more', [[0, 1n]], [[0, 1n], [1, 0n]], false],
    ['other partitions', [[0, 1n]], [[1, 1n]], false],
    ['both empty', [], [], true],
  ])('samePosition: %s', (_, a, b, same) => expect(samePosition(new Map(a), new Map(b))).toBe(same));
});
