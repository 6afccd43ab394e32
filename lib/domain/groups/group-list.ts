import { z } from 'zod';
import { lagStatusRank } from '../lag/lag-status';
import type { ConsumerGroupSummary } from './group-model';

export const GROUP_SORT_KEYS = ['groupId', 'state', 'members', 'lag', 'status'] as const;
export type GroupSortKey = (typeof GROUP_SORT_KEYS)[number];

export const GROUP_STATE_FILTERS = ['all', 'active', 'empty', 'rebalancing', 'problems'] as const;
export type GroupStateFilter = (typeof GROUP_STATE_FILTERS)[number];

/** The list's state lives in the URL, like the Topics list. */
export const groupListQuery = z.object({
  q: z.string().max(255).catch('').default(''),
  sort: z.enum(GROUP_SORT_KEYS).catch('groupId').default('groupId'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(10).max(500).catch(50).default(50),
  show: z.enum(GROUP_STATE_FILTERS).catch('all').default('all'),
});
export type GroupListQuery = z.infer<typeof groupListQuery>;

export interface GroupPage {
  items: ConsumerGroupSummary[];
  /** Groups matching the search and filter (before paging). */
  total: number;
  page: number;
  pageCount: number;
  /** Counts over all groups, for the filter chips. */
  counts: Record<GroupStateFilter, number>;
  totalLag: string;
}

const REBALANCING = new Set(['PreparingRebalance', 'CompletingRebalance', 'AssigningPartitions', 'Assigning', 'Reconciling']);

export function matchesFilter(g: ConsumerGroupSummary, filter: GroupStateFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'active':
      // KIP-848 groups do not list their members here; a Stable one has some.
      return g.memberCount > 0 || (g.membersUnknown === true && g.state !== 'Empty' && g.state !== 'Dead');
    case 'empty':
      return g.state === 'Empty';
    case 'rebalancing':
      return REBALANCING.has(g.state);
    case 'problems':
      return g.severity === 'warning' || g.severity === 'error' || g.error !== undefined;
  }
}

const compareBigint = (a: string, b: string) => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x === y ? 0 : x > y ? 1 : -1;
};

function compare(a: ConsumerGroupSummary, b: ConsumerGroupSummary, key: GroupSortKey): number {
  switch (key) {
    case 'groupId':
      return a.groupId.localeCompare(b.groupId);
    case 'state':
      return a.state.localeCompare(b.state);
    case 'members':
      return a.memberCount - b.memberCount;
    case 'lag':
      return compareBigint(a.totalLag, b.totalLag) || a.unknownPartitions - b.unknownPartitions;
    case 'status':
      return lagStatusRank(a.status) - lagStatusRank(b.status) || compareBigint(a.totalLag, b.totalLag);
  }
}

/**
 * Search (group id or topic, case-insensitive), filter, sort and page in one pass: linear in the
 * group count plus a sort of the matches, so it runs per request at thousands of groups.
 */
export function queryGroups(all: readonly ConsumerGroupSummary[], query: GroupListQuery): GroupPage {
  const needle = query.q.trim().toLowerCase();
  const counts = Object.fromEntries(GROUP_STATE_FILTERS.map((f) => [f, 0])) as Record<GroupStateFilter, number>;
  const matches: ConsumerGroupSummary[] = [];
  let totalLag = 0n;
  for (const g of all) {
    if (needle && !g.groupId.toLowerCase().includes(needle) && !g.topics.some((t) => t.toLowerCase().includes(needle))) continue;
    for (const f of GROUP_STATE_FILTERS) if (matchesFilter(g, f)) counts[f]++;
    if (!matchesFilter(g, query.show)) continue;
    matches.push(g);
    totalLag += BigInt(g.totalLag);
  }
  const sign = query.dir === 'asc' ? 1 : -1;
  matches.sort((a, b) => sign * compare(a, b, query.sort) || a.groupId.localeCompare(b.groupId));
  const pageCount = Math.max(1, Math.ceil(matches.length / query.pageSize));
  const page = Math.min(query.page, pageCount);
  const start = (page - 1) * query.pageSize;
  return { items: matches.slice(start, start + query.pageSize), total: matches.length, page, pageCount, counts, totalLag: totalLag.toString() };
}
