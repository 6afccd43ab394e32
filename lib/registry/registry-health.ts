import 'server-only';
import type { ClusterConfig } from '@/lib/domain/config/console-config';
import type { ServiceHealth } from '@/lib/domain/health';
import { probeHttp } from '@/lib/health/http-probe';

/** The Confluent-compatible API lists subjects at /subjects; Apicurio serves it under /apis/ccompat/v7. */
export function registryHealth(cluster: ClusterConfig): Promise<ServiceHealth> {
  return probeHttp(cluster.schemaRegistry, '/subjects');
}
