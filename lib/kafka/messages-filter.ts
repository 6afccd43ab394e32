import 'server-only';
import { ConsoleError } from '@/lib/domain/console-error';
import { headersOf, type PreviewLimits, type RawRecord } from '@/lib/domain/messages/decode-part';
import { plainValueOf, type FilterInput } from '@/lib/domain/messages/message-model';
import type { MessageCodec } from '@/lib/registry/message-codec';
import { FILTER_PARAMETERS, type FilterParameter } from '@/lib/sandbox/filter-projection';
import { checkFilterSyntax, compileFilter, type FilterSyntaxResult, type MessageFilter } from '@/lib/sandbox/message-filter';

/**
 * A filter for one browse, tail or search. A compile error is the user's input error, with the
 * position in the message and the `filter` field, so the page shows it at the expression input.
 * Sandboxes own a WASM instance each (32 MiB), so the number of live filters is capped.
 */
export const MAX_LIVE_FILTERS = 32;
let live = 0;

export async function compileUserFilter(expression: string | undefined): Promise<MessageFilter | null> {
  if (expression === undefined || expression.trim() === '') return null;
  if (live >= MAX_LIVE_FILTERS) {
    throw new ConsoleError({ category: 'unavailable', message: `${live} filtered streams are open on this server; close one or try again shortly.`, retryable: true, field: 'filter' });
  }
  const compiled = await compileFilter(expression);
  if (!compiled.ok) {
    // The message names the line and column ("… at line 1, column 7."); the input marks it from there.
    throw new ConsoleError({ category: 'invalid-input', message: compiled.error.message, retryable: false, field: 'filter' });
  }
  live++;
  const filter = compiled.filter;
  let disposed = false;
  const dispose = filter.dispose.bind(filter);
  filter.dispose = () => {
    if (disposed) return;
    disposed = true;
    live--;
    dispose();
  };
  return filter;
}

/** For checking as the user types: an empty expression is fine (no filter), anything else must compile. */
export async function checkUserFilterSyntax(expression: string): Promise<FilterSyntaxResult> {
  if (expression.trim() === '') return { ok: true };
  return checkFilterSyntax(expression);
}

const ALL_PARAMETERS: ReadonlySet<FilterParameter> = new Set(FILTER_PARAMETERS);

/**
 * What a filter sees of a record, decoded with `limits` (whole values), without building the
 * MessageView the page shows: the same as filterInputOf(toMessageView(...)), for every record a
 * search scans rather than only the matches. Key, value and headers the filter cannot read
 * (MessageFilter.parameters) are not decoded: null, and no headers.
 */
export function filterInputOfRecord(record: RawRecord, codec: MessageCodec, limits: PreviewLimits, reads: ReadonlySet<FilterParameter> = ALL_PARAMETERS): FilterInput {
  const headers: Record<string, string> = {};
  if (record.headers && reads.has('headers')) for (const h of headersOf(record.headers)) headers[h.key] = h.value ?? '';
  return {
    key: reads.has('key') ? plainValueOf(codec.decode(record.key, limits)) : null,
    value: reads.has('value') ? plainValueOf(codec.decode(record.value, limits)) : null,
    headers,
    partition: record.partition,
    offset: record.offset,
    timestamp: Number(record.timestamp),
  };
}
