import { z } from 'zod';

/**
 * Checking a filter expression as it is typed: the request the expression input sends and the
 * answer it gets. The expression is compiled in the server's sandbox, never in the browser.
 */
export const MAX_FILTER_CHARS = 4096;

export const filterCheckRequest = z.object({
  expression: z.string().max(MAX_FILTER_CHARS, `A filter may be at most ${MAX_FILTER_CHARS} characters long.`),
});
export type FilterCheckRequest = z.infer<typeof filterCheckRequest>;

/** `line`/`column` are 1-based within the expression; the message names them too ("… at line 1, column 17."). */
export type FilterCheckResult = { ok: true } | { ok: false; error: { message: string; line?: number; column?: number } };
