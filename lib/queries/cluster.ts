import 'server-only';
import { kafka } from '@/lib/kafka';
import { topicListQuery, queryTopics } from '@/lib/domain/topics/topic-list';
import { guardedLoad } from './guarded-load';

export function loadClusterOverview(cluster: string) {
  return guardedLoad({ permission: 'cluster:read', cluster }, () => kafka(cluster).cluster.overview());
}

export function loadTopicPage(cluster: string, searchParams: Record<string, string | string[] | undefined>) {
  const query = topicListQuery.parse(Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return guardedLoad({ permission: 'topic:read', cluster }, async () => ({ query, page: queryTopics(await kafka(cluster).topics.list(), query) }));
}

export function loadTopicDetail(cluster: string, topic: string) {
  return guardedLoad({ permission: 'topic:read', cluster, resource: topic }, async () => {
    const { cluster: clusterService, topics } = kafka(cluster);
    const [detail, brokerCount] = await Promise.all([topics.describe(topic), clusterService.brokerCount()]);
    return { detail, brokerCount };
  });
}

export function loadBrokerCount(cluster: string) {
  return guardedLoad({ permission: 'cluster:read', cluster }, () => kafka(cluster).cluster.brokerCount());
}
