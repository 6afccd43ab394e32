import type { ActionResult } from '@/lib/actions/safe-action';

/**
 * Calls a server action and turns a thrown call (the console's server restarting, the network
 * dropping) into an ordinary failed result, so callers handle one shape.
 */
export async function runAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I): Promise<ActionResult<T>> {
  try {
    return await action(input);
  } catch (e) {
    const message = `The console server did not answer (${(e as Error).message || 'network error'}). Check that it is running, then try again.`;
    return { ok: false, serverError: { category: 'unavailable', message, retryable: true }, message };
  }
}

/** The message to show for a failed result: the first field error, or the server error. */
export function failureMessage(result: Exclude<ActionResult<unknown>, { ok: true }>): string {
  if ('validationErrors' in result) return Object.values(result.validationErrors).join(' ') || result.message;
  return result.serverError.message;
}
