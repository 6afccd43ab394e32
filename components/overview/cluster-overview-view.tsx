import Link from 'next/link';
import type { ClusterOverview } from '@/lib/domain/cluster/cluster-model';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { Badge } from '@/components/ui/badge';

export function ClusterOverviewView({ cluster, overview }: { cluster: string; overview: ClusterOverview }) {
  const o = overview;
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={
          <>
            Cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span> · id <code className="font-mono text-xs">{o.clusterId}</code>
          </>
        }
      />
      <section aria-label="Cluster summary" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        <Stat
          label="Brokers"
          value={o.missingBrokerIds.length ? `${o.brokers.length} of ${o.brokers.length + o.missingBrokerIds.length}` : o.brokers.length}
          tone={o.missingBrokerIds.length ? 'bad' : 'neutral'}
          hint={o.missingBrokerIds.length ? `Not responding: broker ${o.missingBrokerIds.join(', ')}` : undefined}
        />
        <Stat label="Controller" value={o.controllerId ?? '—'} />
        <Stat label="Topics" value={o.topicCount} hint={`${o.internalTopicCount} internal topics not counted`} />
        <Stat label="Partitions" value={o.partitionCount} />
        <Stat label="Under-replicated" value={o.underReplicatedPartitions} tone={o.underReplicatedPartitions ? 'warn' : 'good'} hint="Partitions whose in-sync replicas are fewer than their replicas" />
        <Stat label="Offline" value={o.offlinePartitions} tone={o.offlinePartitions ? 'bad' : 'good'} hint="Partitions with no leader: they can be neither read nor written" />
      </section>

      <section className="mt-8">
        <h2 className="mb-2 text-lg font-semibold">Brokers</h2>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="data-table" data-testid="brokers-table">
            <thead>
              <tr>
                <th className="num">ID</th>
                <th>Host</th>
                <th className="num">Port</th>
                <th>Rack</th>
                <th>Role</th>
              </tr>
            </thead>
            <tbody>
              {o.missingBrokerIds.map((id) => (
                <tr key={`missing-${id}`} className="bg-red-50/60 dark:bg-red-950/30">
                  <td className="num font-medium">{id}</td>
                  <td colSpan={3} className="text-red-800 dark:text-red-300">
                    Not responding: replicas are assigned to this broker, but it is not in the cluster&apos;s live metadata.
                  </td>
                  <td>
                    <Badge tone="bad">Offline</Badge>
                  </td>
                </tr>
              ))}
              {o.brokers.map((b) => (
                <tr key={b.nodeId}>
                  <td className="num font-medium">{b.nodeId}</td>
                  <td className="font-mono text-xs">{b.host}</td>
                  <td className="num">{b.port}</td>
                  <td>{b.rack ?? <span className="text-slate-400">—</span>}</td>
                  <td>{b.isController ? <Badge tone="info">Controller</Badge> : <span className="text-slate-500">Broker</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {o.unhealthyPartitions.length > 0 && (
        <section className="mt-8">
          <h2 className="mb-2 text-lg font-semibold">Partitions needing attention</h2>
          <div className="overflow-x-auto rounded-lg border border-amber-200 bg-white dark:border-amber-900/60 dark:bg-slate-900">
            <table className="data-table" data-testid="unhealthy-partitions">
              <thead>
                <tr>
                  <th>Topic</th>
                  <th className="num">Partition</th>
                  <th>State</th>
                  <th className="num">Leader</th>
                  <th>Replicas</th>
                  <th>In sync</th>
                </tr>
              </thead>
              <tbody>
                {o.unhealthyPartitions.map((p) => (
                  <tr key={`${p.topic}-${p.partition}`}>
                    <td>
                      <Link className="text-sky-700 hover:underline dark:text-sky-400" href={`/clusters/${cluster}/topics/${encodeURIComponent(p.topic)}`}>
                        {p.topic}
                      </Link>
                    </td>
                    <td className="num">{p.partition}</td>
                    <td>{p.leader < 0 ? <Badge tone="bad">Offline</Badge> : <Badge tone="warn">Under-replicated</Badge>}</td>
                    <td className="num">{p.leader < 0 ? '—' : p.leader}</td>
                    <td className="font-mono text-xs">{p.replicas.join(', ')}</td>
                    <td className="font-mono text-xs">{p.isr.join(', ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
