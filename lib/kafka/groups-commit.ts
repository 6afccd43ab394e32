import 'server-only';
import { clusterConfig } from '@/lib/config/load-config';
import { ConsoleError } from '@/lib/domain/console-error';
import { kafkaClientFor } from './client-pool';

export interface OffsetsToCommit {
  topic: string;
  partitions: { partition: number; offset: string }[];
}

/**
 * Commits offsets for an Empty group. Kafka's own tool sends one OffsetCommit from outside the group
 * (generation −1); kafkajs has no such call: its admin.setOffsets joins the group with a paused
 * consumer, seeks and leaves, once per topic, and waits a full fetch cycle (5 s) each time. This
 * does the same with one short-lived consumer for all topics and a 100 ms fetch wait. Joining makes
 * the caller's "the group is Empty" check and Kafka's agree: a consumer that starts meanwhile shares
 * the partitions, so the caller reads the offsets back and compares.
 */
export async function commitGroupOffsets(clusterName: string, groupId: string, topics: readonly OffsetsToCommit[], timeoutMs = 30_000): Promise<void> {
  const consumer = kafkaClientFor(clusterConfig(clusterName)).consumer({
    groupId,
    maxWaitTimeInMs: 100,
    sessionTimeout: 10_000,
    rebalanceTimeout: 10_000,
    allowAutoTopicCreation: false,
    retry: { retries: 2 },
  });
  await consumer.connect();
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.subscribe({ topics: topics.map((t) => t.topic), fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(() => reject(new ConsoleError({ category: 'timeout', message: `Committing offsets for group "${groupId}" took longer than ${timeoutMs / 1000} s.`, retryable: true })), timeoutMs);
      let stopping = false;
      // Seeks are committed when the group is joined, before the first fetch cycle ends.
      consumer.on(consumer.events.FETCH, () => {
        if (stopping) return;
        stopping = true;
        consumer.stop().then(resolve, reject);
      });
      consumer.on(consumer.events.CRASH, (e) => reject(e.payload.error));
      consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined }).catch(reject);
      consumer.pause(topics.map((t) => ({ topic: t.topic })));
      for (const t of topics) for (const p of t.partitions) consumer.seek({ topic: t.topic, partition: p.partition, offset: p.offset });
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}
