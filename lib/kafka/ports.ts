import type { ClusterOverview } from '@/lib/domain/cluster/cluster-model';
import type { TopicDetail } from '@/lib/domain/topics/topic-model';
import type { TopicSummary } from '@/lib/domain/topics/topic-list';
import type {
  AddPartitionsInput,
  AlterTopicConfigsInput,
  CreateTopicInput,
  DeleteRecordsInput,
} from '@/lib/domain/topics/topic-inputs';

/**
 * What the console needs from a Kafka cluster, in plain DTOs. Every method throws only ConsoleError.
 * Implementations: kafkajs (kafkajs-cluster-service.ts, kafkajs-topic-service.ts).
 */
export interface ClusterService {
  overview(): Promise<ClusterOverview>;
  brokerCount(): Promise<number>;
}

export interface TopicService {
  list(): Promise<TopicSummary[]>;
  describe(topic: string): Promise<TopicDetail>;
  create(input: Omit<CreateTopicInput, 'cluster'>): Promise<void>;
  /** Changes only the named configs; the topic's other overrides stay as they are. */
  alterConfigs(input: Omit<AlterTopicConfigsInput, 'cluster'>): Promise<void>;
  addPartitions(input: Omit<AddPartitionsInput, 'cluster'>): Promise<void>;
  delete(topic: string): Promise<void>;
  /** Returns each partition's new low watermark. */
  deleteRecords(input: Omit<DeleteRecordsInput, 'cluster'>): Promise<{ partition: number; lowWatermark: string }[]>;
  exists(topic: string): Promise<boolean>;
}
