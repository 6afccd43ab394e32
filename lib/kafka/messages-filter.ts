import 'server-only';
import { ConsoleError } from '@/lib/domain/console-error';
import { compileFilter, type MessageFilter } from '@/lib/sandbox/message-filter';

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
