import 'server-only';
import { clusterConfig } from '@/lib/config/load-config';
import { kafkajsClusterService } from './kafkajs-cluster-service';
import { kafkajsTopicService } from './kafkajs-topic-service';
import type { ClusterService, TopicService } from './ports';

export type { ClusterService, TopicService } from './ports';

/** The Kafka side of one configured cluster. Throws ConsoleError(not-found) for an unknown name. */
export function kafka(clusterName: string): { cluster: ClusterService; topics: TopicService } {
  clusterConfig(clusterName);
  return { cluster: kafkajsClusterService(clusterName), topics: kafkajsTopicService(clusterName) };
}
