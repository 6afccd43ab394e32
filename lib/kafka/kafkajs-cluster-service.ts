import 'server-only';
import { ConfigResourceTypes } from 'kafkajs';
import { missingBrokerIds, summarizePartitions, type BrokerInfo, type ClusterOverview } from '@/lib/domain/cluster/cluster-model';
import type { ClusterService } from './ports';
import { withAdmin } from './call';
import { fetchAllTopicMetadata } from './topic-metadata';

export function kafkajsClusterService(clusterName: string): ClusterService {
  return {
    overview: () =>
      withAdmin(clusterName, async (admin) => {
        const [cluster, topics] = await Promise.all([admin.describeCluster(), fetchAllTopicMetadata(admin)]);
        // kafkajs's describeCluster drops the rack; the broker's own `broker.rack` config has it.
        const racks = new Map<string, string | null>();
        try {
          const configs = await admin.describeConfigs({
            includeSynonyms: false,
            resources: cluster.brokers.map((b) => ({ type: ConfigResourceTypes.BROKER, name: String(b.nodeId), configNames: ['broker.rack'] })),
          });
          for (const r of configs.resources) racks.set(r.resourceName, r.configEntries.find((e) => e.configName === 'broker.rack')?.configValue || null);
        } catch {
          // Racks are informative only; an ACL may forbid DescribeConfigs on brokers.
        }
        const brokers: BrokerInfo[] = cluster.brokers
          .map((b) => ({ nodeId: b.nodeId, host: b.host, port: b.port, rack: racks.get(String(b.nodeId)) ?? null, isController: b.nodeId === cluster.controller }))
          .sort((a, b) => a.nodeId - b.nodeId);
        const overview: ClusterOverview = {
          clusterId: cluster.clusterId,
          controllerId: cluster.controller,
          brokers,
          missingBrokerIds: missingBrokerIds(topics, brokers.map((b) => b.nodeId)),
          ...summarizePartitions(topics),
        };
        return overview;
      }),
    brokerCount: () => withAdmin(clusterName, async (admin) => (await admin.describeCluster()).brokers.length),
  };
}
