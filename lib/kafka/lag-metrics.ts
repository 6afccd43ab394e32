import 'server-only';
import { Gauge, Registry } from 'prom-client';
import { consoleConfig } from '@/lib/config/load-config';
import { LAG_STATUS_ORDER } from '@/lib/domain/lag/lag-status';
import { isConsoleError } from '@/lib/domain/console-error';
import { lagSamplerFor } from './groups';

/**
 * Consumer-group lag as Prometheus metrics, built per scrape in a registry of its own so a group
 * that was deleted disappears from the next scrape. Reads go through each cluster's shared sampler:
 * a reading younger than the sampling interval is reused, so scrapes add no load while a detail
 * page already samples.
 */
export async function lagMetricsRegistry(only?: string): Promise<Registry> {
  const registry = new Registry();
  const g = <L extends string>(name: string, help: string, labelNames: L[]) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  const lag = g('kea_consumergroup_lag', 'Messages between the committed offset and the end of the partition (end offset − committed).', ['cluster', 'group', 'topic', 'partition']);
  const totalLag = g('kea_consumergroup_total_lag', 'Sum of the known partition lags of the group.', ['cluster', 'group']);
  const members = g('kea_consumergroup_members', 'Members in the group (DescribeGroups).', ['cluster', 'group']);
  const status = g(
    'kea_consumergroup_status',
    `The group's Burrow-style status: 1 for the current one (${LAG_STATUS_ORDER.join(', ')}), 0 for the others.`,
    ['cluster', 'group', 'status'],
  );
  const statusCode = g('kea_consumergroup_status_code', `The status as a number, worse is higher: ${LAG_STATUS_ORDER.map((s, i) => `${i}=${s}`).join(', ')}.`, ['cluster', 'group']);
  const up = g('kea_lag_snapshot_up', '1 when the last lag snapshot of the cluster succeeded.', ['cluster']);
  const duration = g('kea_lag_snapshot_duration_seconds', 'How long the last lag snapshot of the cluster took.', ['cluster']);
  const groups = g('kea_lag_snapshot_groups', 'Groups in the last lag snapshot of the cluster.', ['cluster']);
  const subscribers = g('kea_lag_sampler_subscribers', 'Live lag streams listening to the cluster’s sampler.', ['cluster']);
  const polls = g('kea_lag_sampler_polls', 'Polls the cluster’s lag sampler has made since the console started.', ['cluster']);

  const clusters = consoleConfig().clusters.map((c) => c.name).filter((name) => !only || name === only);
  await Promise.all(
    clusters.map(async (cluster) => {
      const sampler = lagSamplerFor(cluster);
      try {
        const book = await sampler.current('all');
        up.set({ cluster }, 1);
        const summaries = book.summaries();
        groups.set({ cluster }, summaries.length);
        for (const groupId of book.groupIds()) {
          const state = book.state(groupId)!;
          const e = state.evaluation;
          for (const p of e.partitions) if (p.lag !== null) lag.set({ cluster, group: groupId, topic: p.topic, partition: String(p.partition) }, Number(p.lag));
          totalLag.set({ cluster, group: groupId }, Number(e.totalLag));
          members.set({ cluster, group: groupId }, state.offsets.description.members.length);
          for (const s of LAG_STATUS_ORDER) status.set({ cluster, group: groupId, status: s }, s === e.status ? 1 : 0);
          statusCode.set({ cluster, group: groupId }, LAG_STATUS_ORDER.indexOf(e.status));
        }
      } catch (e) {
        if (!isConsoleError(e)) throw e;
        up.set({ cluster }, 0);
      }
      if (sampler.stats.lastDurationMs !== null) duration.set({ cluster }, sampler.stats.lastDurationMs / 1000);
      subscribers.set({ cluster }, sampler.subscriberCount);
      polls.set({ cluster }, sampler.stats.polls);
    }),
  );
  return registry;
}
