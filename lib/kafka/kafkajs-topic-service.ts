import 'server-only';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { ConsoleError } from '@/lib/domain/console-error';
import { summarizeTopic } from '@/lib/domain/topics/topic-list';
import { mergeTopicConfigs, retainedRecords, topicLevelOverrides, type ConfigSource, type TopicConfigEntry, type TopicDetail } from '@/lib/domain/topics/topic-model';
import { replicationFactorOf } from '@/lib/domain/cluster/cluster-model';
import type { TopicService } from './ports';
import { withAdmin } from './call';
import { fetchAllTopicMetadata } from './topic-metadata';

// DescribeConfigs config_source codes (KIP-226).
const SOURCES: Record<number, ConfigSource> = {
  1: 'topic',
  2: 'broker',
  3: 'cluster',
  4: 'static-broker',
  5: 'default',
};

async function describeTopicConfigs(admin: Admin, topic: string): Promise<TopicConfigEntry[]> {
  const { resources } = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
  const entries = resources[0]?.configEntries ?? [];
  return entries
    .map((e) => ({
      name: e.configName,
      value: e.isSensitive ? null : e.configValue,
      source: SOURCES[(e as { configSource?: number }).configSource ?? 0] ?? (e.isDefault ? 'default' : 'unknown'),
      readOnly: e.readOnly,
      sensitive: e.isSensitive,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function notFound(topic: string): ConsoleError {
  return new ConsoleError({ category: 'not-found', message: `Topic "${topic}" does not exist.`, retryable: false });
}

export function kafkajsTopicService(clusterName: string): TopicService {
  const run = <T>(topic: string | undefined, fn: (admin: Admin) => Promise<T>) => withAdmin(clusterName, fn, { topic });

  const exists = (topic: string) => run(topic, async (admin) => (await admin.listTopics()).includes(topic));

  return {
    list: () => run(undefined, async (admin) => (await fetchAllTopicMetadata(admin)).map(summarizeTopic)),

    exists,

    describe: (topic) =>
      run(topic, async (admin) => {
        if (!(await admin.listTopics()).includes(topic)) throw notFound(topic);
        const [[meta], offsets, configs] = await Promise.all([
          fetchAllTopicMetadata(admin, [topic]),
          admin.fetchTopicOffsets(topic),
          describeTopicConfigs(admin, topic),
        ]);
        if (!meta) throw notFound(topic);
        const byPartition = new Map(offsets.map((o) => [o.partition, o]));
        const partitions = meta.partitions.map((p) => ({
          ...p,
          lowWatermark: byPartition.get(p.partition)?.low ?? '0',
          highWatermark: byPartition.get(p.partition)?.high ?? '0',
        }));
        const detail: TopicDetail = {
          name: meta.name,
          internal: meta.internal,
          replicationFactor: replicationFactorOf(meta),
          partitions,
          configs,
          retainedRecords: retainedRecords(partitions),
        };
        return detail;
      }),

    create: ({ name, partitions, replicationFactor, configs }) =>
      run(name, async (admin) => {
        const created = await admin.createTopics({
          waitForLeaders: true,
          topics: [{ topic: name, numPartitions: partitions, replicationFactor, configEntries: Object.entries(configs).map(([k, v]) => ({ name: k, value: v })) }],
        });
        if (!created) throw new ConsoleError({ category: 'already-exists', message: `Topic "${name}" already exists.`, retryable: false, field: 'name' });
      }),

    alterConfigs: ({ topic, set, reset }) =>
      run(topic, async (admin) => {
        if (!(await admin.listTopics()).includes(topic)) throw notFound(topic);
        // kafkajs speaks only the legacy AlterConfigs, which replaces all of the topic's overrides:
        // read them, apply the change, and send the whole set back. A concurrent edit by another
        // client between the read and the write would be lost (Kafka offers no compare-and-set here).
        const current = topicLevelOverrides(await describeTopicConfigs(admin, topic));
        const merged = mergeTopicConfigs(current, set, reset);
        await admin.alterConfigs({
          validateOnly: false,
          resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: Object.entries(merged).map(([name, value]) => ({ name, value })) }],
        });
      }),

    addPartitions: ({ topic, count }) =>
      run(topic, async (admin) => {
        await admin.createPartitions({ validateOnly: false, topicPartitions: [{ topic, count }] });
      }),

    delete: (topic) =>
      run(topic, async (admin) => {
        if (!(await admin.listTopics()).includes(topic)) throw notFound(topic);
        await admin.deleteTopics({ topics: [topic], timeout: 15000 });
      }),

    deleteRecords: ({ topic, partitions }) =>
      run(topic, async (admin) => {
        await admin.deleteTopicRecords({ topic, partitions: partitions.map((p) => ({ partition: p.partition, offset: p.beforeOffset })) });
        const after = await admin.fetchTopicOffsets(topic);
        const wanted = new Set(partitions.map((p) => p.partition));
        return after.filter((o) => wanted.has(o.partition)).map((o) => ({ partition: o.partition, lowWatermark: o.low }));
      }),
  };
}
