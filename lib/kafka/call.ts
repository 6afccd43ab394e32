import 'server-only';
import type { Admin } from 'kafkajs';
import { adminFor, replaceAdmin } from './client-pool';
import { isUnknownTopicError, toConsoleError } from './errors';

/**
 * Runs `fn` with the cluster's admin client and translates anything it throws into a ConsoleError.
 * An "unknown topic" failure may come from kafkajs's stale list of topics it once named (another
 * client deleted one): the admin is replaced and `fn` tried once more; a real unknown topic fails again.
 */
export async function withAdmin<T>(clusterName: string, fn: (admin: Admin) => Promise<T>, context: { topic?: string } = {}): Promise<T> {
  let admin: Admin | undefined;
  try {
    admin = await adminFor(clusterName);
    try {
      return await fn(admin);
    } catch (e) {
      if (!isUnknownTopicError(e)) throw e;
      replaceAdmin(clusterName, admin);
      return await fn(await adminFor(clusterName));
    }
  } catch (e) {
    throw toConsoleError(e, { clusterName, ...context });
  }
}
