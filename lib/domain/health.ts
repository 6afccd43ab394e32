/** Reachability of one cluster's services, as /api/health reports it. */
export interface ServiceHealth {
  ok: boolean;
  latencyMs: number;
  /** Why it is not ok; absent when ok. */
  error?: string;
  /** Absent when the service is not configured for this cluster. */
  configured: boolean;
}

export interface ClusterHealth {
  name: string;
  kafka: ServiceHealth;
  schemaRegistry: ServiceHealth;
  connect: ServiceHealth;
}

export type HealthStatus = 'ok' | 'degraded' | 'down';

/** down: Kafka unreachable; degraded: Kafka up but a configured registry/Connect is not. */
export function clusterStatus(h: ClusterHealth): HealthStatus {
  if (!h.kafka.ok) return 'down';
  const others = [h.schemaRegistry, h.connect].filter((s) => s.configured);
  return others.every((s) => s.ok) ? 'ok' : 'degraded';
}

export function overallStatus(all: readonly ClusterHealth[]): HealthStatus {
  const statuses = all.map(clusterStatus);
  if (statuses.every((s) => s === 'ok')) return 'ok';
  if (statuses.every((s) => s === 'down')) return 'down';
  return 'degraded';
}
