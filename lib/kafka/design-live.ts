import 'server-only';
import { isInternalTopic } from '@/lib/domain/topics/topic-name';
import { withAdmin } from './call';

/**
 * The two reads the designer's live overlay makes itself (lag and group state come from the
 * cluster's shared lag sampler): the topic names, for drift, and the end offsets of the
 * design's topics: their deltas between polls are produce rates, and against the groups' committed
 * offsets (from the sampler) they give lag.
 */
export async function topicNames(clusterName: string): Promise<string[]> {
  return withAdmin(clusterName, async (admin) => (await admin.listTopics()).filter((t) => !isInternalTopic(t)));
}

const CONCURRENCY = 8;

/** High watermark per partition per topic; topics that cannot be read (missing, offline) are left out. */
export async function endOffsets(clusterName: string, topics: readonly string[]): Promise<Record<string, Record<number, bigint>>> {
  return withAdmin(clusterName, async (admin) => {
    const out: Record<string, Record<number, bigint>> = {};
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, topics.length) }, async () => {
        while (next < topics.length) {
          const topic = topics[next++]!;
          try {
            const offsets = await admin.fetchTopicOffsets(topic);
            out[topic] = Object.fromEntries(offsets.map((p) => [p.partition, BigInt(p.high)]));
          } catch {
            // A topic the design names but the cluster lacks is drift, reported from topicNames.
          }
        }
      }),
    );
    return out;
  });
}
