'use client';
import { useRouter } from 'next/navigation';
import type { PublicCluster } from '@/lib/domain/config/console-config';

export function ClusterSwitcher({ clusters, current }: { clusters: PublicCluster[]; current: string }) {
  const router = useRouter();
  return (
    <label className="block">
      <span className="label">Cluster</span>
      <select className="input" value={current} onChange={(e) => router.push(`/clusters/${e.target.value}`)} aria-label="Cluster">
        {clusters.map((c) => (
          <option key={c.name} value={c.name}>
            {c.displayName}
          </option>
        ))}
      </select>
    </label>
  );
}
