import 'server-only';
import type { ServiceHealth } from '@/lib/domain/health';
import { withAdmin } from './call';

/** One DescribeCluster round trip, bounded so a dead cluster answers "down" within seconds. */
export async function kafkaHealth(clusterName: string, timeoutMs = 6000): Promise<ServiceHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    await Promise.race([withAdmin(clusterName, (admin) => admin.describeCluster()), timeout]);
    return { ok: true, configured: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { ok: false, configured: true, latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
