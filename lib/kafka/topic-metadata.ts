import 'server-only';
import type { Admin } from 'kafkajs';
import type { TopicMetadata } from '@/lib/domain/cluster/cluster-model';
import { isInternalTopic } from '@/lib/domain/topics/topic-name';

/** Metadata of every topic in one Metadata request (kafkajs asks for all when given no names). */
export async function fetchAllTopicMetadata(admin: Admin, names?: string[]): Promise<TopicMetadata[]> {
  const { topics } = await admin.fetchTopicMetadata(names ? { topics: names } : undefined);
  return topics.map((t) => ({
    name: t.name,
    internal: isInternalTopic(t.name),
    partitions: t.partitions
      .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, offlineReplicas: p.offlineReplicas ?? [] }))
      .sort((a, b) => a.partition - b.partition),
  }));
}
