import type { LintRule, RuleFinding } from './lint-types';

export const consumerParallelismRule: LintRule = {
  id: 'partitions-cover-consumer-parallelism',
  title: 'Enough partitions for the planned consumers',
  severity: 'warning',
  sources: [
    { title: 'Kafka: The Definitive Guide, 2nd ed., ch. 4 "Kafka Consumers" (consumers beyond the partition count sit idle)', url: 'https://www.oreilly.com/library/view/kafka-the-definitive/9781492043072/' },
    { title: 'Confluent documentation, "Kafka Consumer" (the maximum parallelism of a group is its number of partitions)', url: 'https://docs.confluent.io/platform/current/clients/consumer.html' },
  ],
  check: ({ design, index }) => {
    const findings: RuleFinding[] = [];
    for (const t of design.topics) {
      const widest = index.consumes.filter((e) => e.topicId === t.id).reduce<{ parallelism: number; group: string } | null>((best, e) => (best && best.parallelism >= e.parallelism ? best : { parallelism: e.parallelism, group: e.consumerGroup }), null);
      if (widest && widest.parallelism > t.partitions) {
        findings.push({
          elementId: t.id,
          message: `Topic "${t.name}" has ${t.partitions} partition${t.partitions === 1 ? '' : 's'} but consumer group "${widest.group}" plans ${widest.parallelism} consumers; ${widest.parallelism - t.partitions} would sit idle.`,
          fix: `Give "${t.name}" at least ${widest.parallelism} partitions (before it carries keyed data), or plan fewer consumers.`,
        });
      }
    }
    return findings;
  },
};

/** Needs the live state: the danger is in growing a topic that already holds keyed records. */
export const keyedPartitionGrowthRule: LintRule = {
  id: 'keyed-topic-partition-growth',
  title: 'Adding partitions to a keyed topic breaks per-key order',
  severity: 'warning',
  sources: [
    { title: 'Apache Kafka documentation, "Modifying topics" ("adding partitions doesn\'t change the partitioning of existing data so this may disturb consumers if they rely on that partition")', url: 'https://kafka.apache.org/documentation/#basic_ops_modify_topic' },
  ],
  check: ({ design, live }) => {
    if (!live) return [];
    const liveByName = new Map(live.topics.map((t) => [t.name, t]));
    return design.topics.flatMap((t) => {
      const current = liveByName.get(t.name);
      if (!t.key || !current || t.partitions <= current.partitions) return [];
      return [
        {
          elementId: t.id,
          message: `Topic "${t.name}" is keyed (${t.key.meaning}) and would grow from ${current.partitions} to ${t.partitions} partitions: new records for a key may land on a different partition than its older ones, so per-key order breaks across the change.`,
          fix: `Keep ${current.partitions} partitions, or create a new topic with ${t.partitions} partitions and migrate producers and consumers to it; if order across the change does not matter, accept this warning.`,
        },
      ];
    });
  },
};
