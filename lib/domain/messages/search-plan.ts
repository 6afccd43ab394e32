import { z } from 'zod';
import { tryParseOffset } from '../lag/offsets';
import { parseTimestamp, type PartitionWatermarks, type ReadRange } from './browse-plan';

/**
 * Search mode: scan a range of a topic with the server-side filter until `max` matches or the end
 * (the high watermarks when the search began: a search of a busy topic ends).
 */
export const SEARCH_MAX_MATCHES = 1_000;

export const searchParams = z
  .object({
    partition: z.preprocess((v) => (v === '' || v === 'all' || v === null ? undefined : v), z.coerce.number().int().min(0).optional()),
    from: z.enum(['oldest', 'offset', 'timestamp']).default('oldest'),
    offset: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().regex(/^\d{1,19}$/, 'An offset is a whole number ≥ 0.').optional()),
    ts: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().optional()),
    filter: z.preprocess((v) => (v === null ? undefined : v), z.string().max(4096).optional()),
    max: z.coerce.number().int().min(1).max(SEARCH_MAX_MATCHES, `Stop at ${SEARCH_MAX_MATCHES} matches at most.`).default(100),
  })
  .superRefine((v, ctx) => {
    if (v.from === 'offset' && v.offset === undefined) ctx.addIssue({ code: 'custom', path: ['offset'], message: 'Enter the offset to start from.' });
    if (v.from === 'timestamp' && (v.ts === undefined || parseTimestamp(v.ts) === null)) ctx.addIssue({ code: 'custom', path: ['ts'], message: 'Enter the time to start from (UTC).' });
  });
export type SearchParams = z.infer<typeof searchParams>;

/** Every partition in scope, from the start position to its high watermark. */
export function planSearch(p: SearchParams, watermarks: readonly PartitionWatermarks[], timestampOffsets?: ReadonlyMap<number, string>): ReadRange[] | { error: string } {
  const inScope = watermarks.filter((w) => p.partition === undefined || w.partition === p.partition).sort((a, b) => a.partition - b.partition);
  if (inScope.length === 0) return { error: `There is no partition ${p.partition}.` };
  return inScope.map((w) => {
    const low = BigInt(w.low);
    const high = BigInt(w.high);
    let from = low;
    if (p.from === 'offset') from = BigInt(p.offset!);
    if (p.from === 'timestamp') from = tryParseOffset(timestampOffsets?.get(w.partition) ?? '') ?? high;
    if (from < low) from = low;
    if (from > high) from = high;
    return { partition: w.partition, from, to: high };
  });
}
