import { z } from 'zod';
import { isOffline, isUnderReplicated, replicationFactorOf, type TopicMetadata } from '../cluster/cluster-model';

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitions: number;
  replicationFactor: number;
  underReplicatedPartitions: number;
  offlinePartitions: number;
}

export const TOPIC_SORT_KEYS = ['name', 'partitions', 'replicationFactor', 'underReplicatedPartitions'] as const;
export type TopicSortKey = (typeof TOPIC_SORT_KEYS)[number];

/** The list's state lives in the URL, so views can be shared and reloaded. */
export const topicListQuery = z.object({
  q: z.string().max(249).catch('').default(''),
  sort: z.enum(TOPIC_SORT_KEYS).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(500).catch(50).default(50),
  internal: z.enum(['0', '1']).catch('0').default('0'),
});
export type TopicListQuery = z.infer<typeof topicListQuery>;

export function summarizeTopic(t: TopicMetadata): TopicSummary {
  let under = 0;
  let offline = 0;
  for (const p of t.partitions) {
    if (isUnderReplicated(p)) under++;
    if (isOffline(p)) offline++;
  }
  return {
    name: t.name,
    internal: t.internal,
    partitions: t.partitions.length,
    replicationFactor: replicationFactorOf(t),
    underReplicatedPartitions: under,
    offlinePartitions: offline,
  };
}

export interface TopicPage {
  items: TopicSummary[];
  /** Topics matching the search (before paging). */
  total: number;
  page: number;
  pageCount: number;
  hiddenInternal: number;
}

/**
 * Search, sort and page in one pass over the summaries. Linear in the topic count plus a sort of the
 * matches: 10,000 topics take a few milliseconds, so this runs on the server per request.
 */
export function queryTopics(all: readonly TopicSummary[], query: TopicListQuery): TopicPage {
  const needle = query.q.trim().toLowerCase();
  const showInternal = query.internal === '1';
  let hiddenInternal = 0;
  const matches: TopicSummary[] = [];
  for (const t of all) {
    if (needle && !t.name.toLowerCase().includes(needle)) continue;
    if (t.internal && !showInternal) {
      hiddenInternal++;
      continue;
    }
    matches.push(t);
  }
  const sign = query.dir === 'asc' ? 1 : -1;
  const key = query.sort;
  matches.sort((a, b) => {
    const primary = key === 'name' ? a.name.localeCompare(b.name) : (a[key] as number) - (b[key] as number);
    return sign * primary || a.name.localeCompare(b.name);
  });
  const pageCount = Math.max(1, Math.ceil(matches.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * query.pageSize;
  return { items: matches.slice(start, start + query.pageSize), total: matches.length, page, pageCount, hiddenInternal };
}
