'use client';
import { useQuery } from '@tanstack/react-query';
import { clusterHealthQuery } from './health-query';

const STYLE = {
  // Reachability, not cluster health: a broker may be down while the cluster still answers (the
  // overview reports that), so the label must not claim "healthy".
  ok: { dot: 'bg-emerald-500', label: 'Connected' },
  degraded: { dot: 'bg-amber-500', label: 'Partly reachable' },
  down: { dot: 'bg-red-500', label: 'Unreachable' },
} as const;

export function HealthIndicator({ cluster }: { cluster: string }) {
  const { data, isPending } = useQuery(clusterHealthQuery(cluster));
  const c = data?.clusters[0];
  if (isPending || !c) return <span className="text-xs text-slate-400">Checking…</span>;
  const style = STYLE[c.status];
  const details = [
    `Kafka: ${c.kafka.ok ? `ok (${c.kafka.latencyMs} ms)` : c.kafka.error}`,
    c.schemaRegistry.configured && `Schema Registry: ${c.schemaRegistry.ok ? 'ok' : c.schemaRegistry.error}`,
    c.connect.configured && `Connect: ${c.connect.ok ? 'ok' : c.connect.error}`,
  ].filter(Boolean);
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300" title={details.join('\n')} data-testid="health-indicator" data-status={c.status}>
      <span className={`size-2 rounded-full ${style.dot}`} aria-hidden />
      {style.label}
    </span>
  );
}
