import 'server-only';
import type { ClusterConfig } from '@/lib/domain/config/console-config';
import type { ServiceHealth } from '@/lib/domain/health';
import { probeHttp } from '@/lib/health/http-probe';

export function connectHealth(cluster: ClusterConfig): Promise<ServiceHealth> {
  return probeHttp(cluster.connect, '/');
}
