import { z } from 'zod';
import { tryParseOffset } from '../lag/offsets';
import { decodeStreamCursor, encodeStreamCursor } from '../stream/stream-cursor';
import type { PartitionProgress } from '../stream/stream-events';
import type { MessageView } from './message-model';

/**
 * Browsing a topic as pages: where each partition's read starts and stops, and how the records read
 * from several partitions become one page in time order with positions to page forward and back.
 * Pure; the adapter does the reading (Fetch from the leaders, no group) and the filtering (the sandbox).
 *
 * A page over several partitions is a k-way merge by timestamp: the adapter reads up to `limit`
 * matches from every partition, the page keeps the first `limit` overall (the last, going back), and
 * each partition's next position is its first match that did not make the page. So no record is
 * skipped or shown twice between pages, whatever the partitions' rates.
 */
export const BROWSE_MAX_LIMIT = 500;
export const BROWSE_DEFAULT_LIMIT = 50;
/** Records a filtered page may scan in total before it stops short and says so. */
export const BROWSE_MAX_SCAN = 50_000;

export const browseFromValues = ['oldest', 'newest', 'offset', 'timestamp'] as const;
export type BrowseFrom = (typeof browseFromValues)[number];

export type BrowseStart =
  | { from: 'oldest' }
  | { from: 'newest' }
  | { from: 'offset'; offset: string }
  | { from: 'timestamp'; timestamp: number }
  /** A position from a previous page (stream-cursor encoding): its `next` to go forward, its `first` to go back. */
  | { from: 'cursor'; cursor: string; direction: 'forward' | 'backward' };

export interface BrowseRequest {
  topic: string;
  /** One partition, or all when undefined. */
  partition?: number;
  start: BrowseStart;
  limit: number;
  filter?: string;
}

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional());

/**
 * The browse form as URL search params (the page is shareable and Back works): strings in, a
 * BrowseRequest out. Shared by the page, the export route and the form's validation.
 */
export const browseSearchParams = z
  .object({
    partition: z.preprocess((v) => (v === '' || v === 'all' ? undefined : v), z.coerce.number().int().min(0, 'Partitions are numbered from 0.').optional()),
    from: z.enum(browseFromValues).default('newest'),
    offset: optionalText.pipe(z.string().regex(/^\d{1,19}$/, 'An offset is a whole number ≥ 0.').optional()),
    ts: optionalText,
    limit: z.coerce
      .number()
      .int('The page size is a whole number.')
      .min(1, 'Show at least 1 message.')
      .max(BROWSE_MAX_LIMIT, `Show at most ${BROWSE_MAX_LIMIT} messages per page.`)
      .default(BROWSE_DEFAULT_LIMIT),
    filter: optionalText.pipe(z.string().max(4096, 'A filter may be at most 4096 characters long.').optional()),
    cursor: optionalText,
    dir: z.enum(['forward', 'backward']).default('forward'),
  })
  .superRefine((v, ctx) => {
    if (v.from === 'offset' && v.offset === undefined && v.cursor === undefined) ctx.addIssue({ code: 'custom', path: ['offset'], message: 'Enter the offset to start from.' });
    if (v.from === 'timestamp' && v.cursor === undefined) {
      if (v.ts === undefined) ctx.addIssue({ code: 'custom', path: ['ts'], message: 'Enter the time to start from.' });
      else if (parseTimestamp(v.ts) === null) ctx.addIssue({ code: 'custom', path: ['ts'], message: 'Use a date and time such as 2025-01-31T14:00 (UTC) or ms since the epoch.' });
    }
  });
export type BrowseSearchParams = z.infer<typeof browseSearchParams>;

/** "2025-01-31T14:00", "2025-01-31T14:00:00Z" (both UTC) or epoch ms. */
export function parseTimestamp(text: string): number | null {
  const t = text.trim();
  if (/^\d{1,16}$/.test(t)) return Number(t);
  const iso = /(Z|[+-]\d\d:?\d\d)$/.test(t) ? t : `${t}Z`;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

export function browseRequestOf(topic: string, p: BrowseSearchParams): BrowseRequest {
  const base = { topic, partition: p.partition, limit: p.limit, filter: p.filter };
  if (p.cursor) return { ...base, start: { from: 'cursor', cursor: p.cursor, direction: p.dir } };
  switch (p.from) {
    case 'oldest':
    case 'newest':
      return { ...base, start: { from: p.from } };
    case 'offset':
      return { ...base, start: { from: 'offset', offset: p.offset! } };
    case 'timestamp':
      return { ...base, start: { from: 'timestamp', timestamp: parseTimestamp(p.ts!)! } };
  }
}

export interface PartitionWatermarks {
  partition: number;
  low: string;
  high: string;
}

/** Records [from, to) of one partition, read in offset order. */
export interface ReadRange {
  partition: number;
  from: bigint;
  to: bigint;
}

export interface BrowsePlan {
  direction: 'forward' | 'backward';
  /** Every partition in scope, empty ranges included (their position is kept in the cursors). */
  ranges: ReadRange[];
  /** Most records to read from one partition. */
  scanPerPartition: number;
}

export type PlanResult = { ok: true; plan: BrowsePlan } | { ok: false; error: string };

/**
 * Where to read. `timestampOffsets` are the offsets of the first records at or after the requested
 * time (ListOffsets by timestamp; the partition's high watermark when none is that late).
 */
export function planBrowse(
  request: BrowseRequest,
  watermarks: readonly PartitionWatermarks[],
  options: { timestampOffsets?: ReadonlyMap<number, string>; maxScan?: number } = {},
): PlanResult {
  const inScope = watermarks
    .filter((w) => request.partition === undefined || w.partition === request.partition)
    .map((w) => ({ partition: w.partition, low: BigInt(w.low), high: BigInt(w.high) }))
    .sort((a, b) => a.partition - b.partition);
  if (request.partition !== undefined && inScope.length === 0) {
    return { ok: false, error: `Topic "${request.topic}" has no partition ${request.partition}; it has partitions 0 to ${watermarks.length - 1}.` };
  }
  const limit = Math.max(1, Math.min(request.limit, BROWSE_MAX_LIMIT));
  const maxScan = options.maxScan ?? BROWSE_MAX_SCAN;
  // Unfiltered, every record read is shown, so a partition never needs more than a page of them.
  const scanPerPartition = request.filter ? Math.max(limit, Math.ceil(maxScan / Math.max(1, inScope.length))) : limit;
  const clamp = (n: bigint, low: bigint, high: bigint) => (n < low ? low : n > high ? high : n);
  const forward = (startOf: (p: (typeof inScope)[number]) => bigint): PlanResult => ({
    ok: true,
    plan: {
      direction: 'forward',
      scanPerPartition,
      ranges: inScope.map((p) => {
        const from = clamp(startOf(p), p.low, p.high);
        return { partition: p.partition, from, to: minBig(p.high, from + BigInt(scanPerPartition)) };
      }),
    },
  });
  const backward = (endOf: (p: (typeof inScope)[number]) => bigint): PlanResult => ({
    ok: true,
    plan: {
      direction: 'backward',
      scanPerPartition,
      ranges: inScope.map((p) => {
        const to = clamp(endOf(p), p.low, p.high);
        return { partition: p.partition, from: maxBig(p.low, to - BigInt(scanPerPartition)), to };
      }),
    },
  });

  const start = request.start;
  switch (start.from) {
    case 'oldest':
      return forward((p) => p.low);
    case 'newest':
      return backward((p) => p.high);
    case 'offset': {
      const offset = tryParseOffset(start.offset);
      if (offset === null) return { ok: false, error: `"${start.offset}" is not an offset (a whole number ≥ 0).` };
      return forward(() => offset);
    }
    case 'timestamp': {
      const byTime = options.timestampOffsets;
      if (!byTime) return { ok: false, error: 'Offsets for the timestamp were not looked up.' };
      return forward((p) => {
        const found = tryParseOffset(byTime.get(p.partition) ?? '');
        return found ?? p.high;
      });
    }
    case 'cursor': {
      const decoded = decodeStreamCursor(start.cursor, request.topic);
      if (!decoded.ok) return { ok: false, error: decoded.error };
      const at = (p: (typeof inScope)[number]) => decoded.cursor.get(p.partition) ?? (start.direction === 'forward' ? p.low : p.high);
      return start.direction === 'forward' ? forward(at) : backward(at);
    }
  }
}

/** What the adapter read from one range: the matches in offset order, and how far it got. */
export interface RangeResult {
  partition: number;
  matches: MessageView[];
  /** Forward: the offset after the last record read. Backward reads its whole range, so this is `to`. */
  scannedTo: bigint;
  scanned: number;
}

export interface BrowsePage {
  messages: MessageView[];
  /** Position of the page's start: browse backward from here. Null when a cursor would not fit an id. */
  first: string | null;
  /** Position after the page's end: browse forward from here. */
  next: string | null;
  hasOlder: boolean;
  hasNewer: boolean;
  partitions: PartitionProgress[];
  scanned: number;
  /** Filtered pages only: the scan budget ran out before `limit` matches were found. */
  scanLimited: boolean;
}

/** A browse page, with what the server-side filter had to say. */
export interface BrowseResult extends BrowsePage {
  /** Records the filter could not evaluate (counted as no match), and the first reason. */
  filterErrors: number;
  filterError?: string;
}

export function byTimeThenPosition(a: MessageView, b: MessageView): number {
  return a.timestamp - b.timestamp || a.partition - b.partition || compareOffsets(a.offset, b.offset);
}

function compareOffsets(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * One page from what was read: the first `limit` matches in time order (the last ones going
 * backward), and cursors such that the next page forward starts right after the last record shown
 * from each partition, and the page backward ends right before the first.
 */
export function assemblePage(topic: string, plan: BrowsePlan, results: readonly RangeResult[], limit: number, watermarks: readonly PartitionWatermarks[]): BrowsePage {
  const byPartition = new Map(results.map((r) => [r.partition, r]));
  const all = results.flatMap((r) => r.matches).sort(byTimeThenPosition);
  const taken = plan.direction === 'forward' ? all.slice(0, limit) : all.slice(Math.max(0, all.length - limit));
  const takenSet = new Set(taken);

  const first = new Map<number, bigint>();
  const next = new Map<number, bigint>();
  let scanned = 0;
  let budgetSpent = false;
  for (const range of plan.ranges) {
    const result = byPartition.get(range.partition);
    scanned += result?.scanned ?? 0;
    const matches = result?.matches ?? [];
    const shown = matches.filter((m) => takenSet.has(m));
    if (plan.direction === 'forward') {
      first.set(range.partition, range.from);
      const firstUnshown = matches.find((m) => !takenSet.has(m));
      next.set(range.partition, firstUnshown ? BigInt(firstUnshown.offset) : (result?.scannedTo ?? range.from));
      if (!firstUnshown && result && result.scanned >= plan.scanPerPartition) budgetSpent = true;
    } else {
      next.set(range.partition, range.to);
      const lastUnshown = [...matches].reverse().find((m) => !takenSet.has(m));
      first.set(range.partition, shown.length ? BigInt(shown[0]!.offset) : lastUnshown ? BigInt(lastUnshown.offset) + 1n : range.from);
      if (!lastUnshown && range.to - range.from >= BigInt(plan.scanPerPartition) && range.from > 0n) budgetSpent = true;
    }
  }
  const marks = new Map(watermarks.map((w) => [w.partition, { low: BigInt(w.low), high: BigInt(w.high) }]));
  const hasNewer = [...next].some(([p, n]) => n < (marks.get(p)?.high ?? n));
  const hasOlder = [...first].some(([p, f]) => f > (marks.get(p)?.low ?? f));
  return {
    messages: taken,
    first: encodeStreamCursor(topic, first),
    next: encodeStreamCursor(topic, next),
    hasOlder,
    hasNewer,
    partitions: plan.ranges.map((r) => ({ partition: r.partition, position: String(next.get(r.partition) ?? r.to), end: String(marks.get(r.partition)?.high ?? r.to) })),
    scanned,
    scanLimited: taken.length < limit && budgetSpent,
  };
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
const maxBig = (a: bigint, b: bigint) => (a > b ? a : b);
