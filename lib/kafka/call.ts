import 'server-only';
import type { Admin } from 'kafkajs';
import { adminFor } from './client-pool';
import { toConsoleError } from './errors';

/** Runs `fn` with the cluster's admin client and translates anything it throws into a ConsoleError. */
export async function withAdmin<T>(clusterName: string, fn: (admin: Admin) => Promise<T>, context: { topic?: string } = {}): Promise<T> {
  try {
    return await fn(await adminFor(clusterName));
  } catch (e) {
    throw toConsoleError(e, { clusterName, ...context });
  }
}
