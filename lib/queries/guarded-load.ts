import 'server-only';
import { isConsoleError, type ConsoleErrorShape } from '@/lib/domain/console-error';
import { authorize, type AccessRequest } from '@/lib/auth/guard';
import { logger } from '@/lib/log/logger';

export type Loaded<T> = { ok: true; data: T } | { ok: false; error: ConsoleErrorShape };

/**
 * Server-side reads for pages: the guard first, then the adapter call; a ConsoleError becomes data
 * the page renders (Next.js hides thrown errors' messages in production, and a console must say
 * exactly what is wrong, e.g. "cannot reach cluster local").
 */
export async function guardedLoad<T>(request: AccessRequest, load: () => Promise<T>): Promise<Loaded<T>> {
  await authorize(request);
  try {
    return { ok: true, data: await load() };
  } catch (e) {
    if (isConsoleError(e)) return { ok: false, error: e.toJSON() };
    logger.error({ err: e, ...request }, 'unexpected load failure');
    return { ok: false, error: { category: 'internal', message: 'Unexpected error; see the server log.', retryable: false } };
  }
}
