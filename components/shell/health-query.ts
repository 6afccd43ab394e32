import { queryOptions } from '@tanstack/react-query';
import type { ClusterHealth, HealthStatus } from '@/lib/domain/health';

export type HealthResponse = { status: HealthStatus; clusters: (ClusterHealth & { status: HealthStatus })[] };

export const healthKeys = {
  all: ['health'] as const,
  cluster: (cluster: string) => [...healthKeys.all, cluster] as const,
};

export const clusterHealthQuery = (cluster: string) =>
  queryOptions({
    queryKey: healthKeys.cluster(cluster),
    queryFn: async ({ signal }): Promise<HealthResponse> => {
      // 503 still carries the details we want to show.
      const res = await fetch(`/api/health?cluster=${encodeURIComponent(cluster)}`, { signal });
      return (await res.json()) as HealthResponse;
    },
    refetchInterval: 10_000,
  });
