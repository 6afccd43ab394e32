import 'server-only';
import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { ConfigResourceTypes as ResourceTypes, IncrementalAlterConfigOperationTypes } from '@platformatic/kafka';
import { platformaticAdminFor } from './platformatic-client';
import { ConsoleError } from '@/lib/domain/console-error';
import { summarizeTopic } from '@/lib/domain/topics/topic-list';
import { retainedRecords, type ConfigSource, type TopicConfigEntry, type TopicDetail } from '@/lib/domain/topics/topic-model';
import { replicationFactorOf } from '@/lib/domain/cluster/cluster-model';
import type { TopicService } from './ports';
import { withAdmin } from './call';
import { toConsoleError } from './errors';
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

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
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
          // kafkajs asks for the whole topic at once: one offline partition fails them all. The page
          // must still show partitions and configs on that day, so a failure here is data, not an error.
          admin.fetchTopicOffsets(topic).catch((e: unknown) => toConsoleError(e, { clusterName, topic })),
          describeTopicConfigs(admin, topic),
        ]);
        if (!meta) throw notFound(topic);
        const byPartition = new Map(offsets instanceof ConsoleError ? [] : offsets.map((o) => [o.partition, o]));
        const partitions = meta.partitions.map((p) => ({
          ...p,
          lowWatermark: byPartition.get(p.partition)?.low ?? null,
          highWatermark: byPartition.get(p.partition)?.high ?? null,
        }));
        const detail: TopicDetail = {
          name: meta.name,
          internal: meta.internal,
          replicationFactor: replicationFactorOf(meta),
          partitions,
          configs,
          retainedRecords: retainedRecords(partitions),
          ...(offsets instanceof ConsoleError ? { watermarksError: offsets.message } : {}),
        };
        return detail;
      }),

    create: ({ name, partitions, replicationFactor, configs }) =>
      withAdmin(
        clusterName,
        async (admin) => {
          const created = await admin.createTopics({
            // kafkajs's own wait for leaders gives up after our short retry budget on a busy cluster
            // and then reports a topic that was in fact created as failed; wait here instead.
            waitForLeaders: false,
            topics: [{ topic: name, numPartitions: partitions, replicationFactor, configEntries: Object.entries(configs).map(([k, v]) => ({ name: k, value: v })) }],
          });
          if (!created) throw new ConsoleError({ category: 'already-exists', message: `Topic "${name}" already exists.`, retryable: false, field: 'name' });
          await waitFor(async () => {
            const [meta] = await fetchAllTopicMetadata(admin, [name]).catch(() => []);
            if (!meta || meta.partitions.length !== partitions || !meta.partitions.every((p) => p.leader >= 0)) return false;
            // Metadata names a leader a moment before that broker answers for the partition
            // (NOT_LEADER_FOR_PARTITION): created means its offsets can be read.
            return admin.fetchTopicOffsets(name).then(
              () => true,
              () => false,
            );
          }, 15_000);
        },
        // Safe under withAdmin's one retry on a stale-topic failure: with waitForLeaders off, that
        // failure can only come from the metadata refresh before CreateTopics is sent, and the wait
        // below swallows its own errors.
        { topic: name },
      ),

    alterConfigs: ({ topic, set, reset }) =>
      run(topic, async (admin) => {
        if (!(await admin.listTopics()).includes(topic)) throw notFound(topic);
        // IncrementalAlterConfigs names only the keys that change, so another client's concurrent
        // edit of other keys survives. kafkajs speaks only the legacy AlterConfigs (which replaces
        // every override), hence @platformatic/kafka for this call.
        await platformaticAdminFor(clusterName).incrementalAlterConfigs({
          resources: [
            {
              resourceType: ResourceTypes.TOPIC,
              resourceName: topic,
              configs: [
                ...Object.entries(set).map(([name, value]) => ({ name, value, configOperation: IncrementalAlterConfigOperationTypes.SET })),
                ...reset.filter((name) => !(name in set)).map((name) => ({ name, configOperation: IncrementalAlterConfigOperationTypes.DELETE })),
              ],
            },
          ],
        });
      }),

    addPartitions: ({ topic, count }) =>
      run(topic, async (admin) => {
        await admin.createPartitions({ validateOnly: false, topicPartitions: [{ topic, count }] });
        // CreatePartitions returns before the new partitions have leaders; wait (briefly) so the next
        // read shows them ready rather than failing with NOT_LEADER_FOR_PARTITION.
        await waitFor(async () => {
          const [meta] = await fetchAllTopicMetadata(admin, [topic]);
          return !!meta && meta.partitions.length >= count && meta.partitions.every((p) => p.leader >= 0);
        }, 10_000);
      }),

    delete: (topic) =>
      run(topic, async (admin) => {
        if (!(await admin.listTopics()).includes(topic)) throw notFound(topic);
        await admin.deleteTopics({ topics: [topic], timeout: 15000 });
      }),

    deleteRecords: ({ topic, partitions }) =>
      run(topic, async (admin) => {
        // kafkajs looks up partition leaders from its cached metadata before refreshing it; fetch the
        // topic's metadata first so a new topic (or new partitions) has leaders known.
        await admin.fetchTopicMetadata({ topics: [topic] });
        await admin.deleteTopicRecords({ topic, partitions: partitions.map((p) => ({ partition: p.partition, offset: p.beforeOffset })) });
        const after = await admin.fetchTopicOffsets(topic);
        const wanted = new Set(partitions.map((p) => p.partition));
        return after.filter((o) => wanted.has(o.partition)).map((o) => ({ partition: o.partition, lowWatermark: o.low }));
      }),
  };
}
