import { groupListQuery, type GroupListQuery } from '@/lib/domain/groups/group-list';

const DEFAULTS: GroupListQuery = groupListQuery.parse({});

/** The list's URL for `query` with `change` applied; defaults are left out so links stay short. */
export function groupListHref(cluster: string, query: GroupListQuery, change: Partial<GroupListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as (keyof GroupListQuery)[]) {
    const value = next[key];
    if (key === 'q' ? String(value).trim() !== '' : value !== DEFAULTS[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return `/clusters/${cluster}/groups${search ? `?${search}` : ''}`;
}

export function groupHref(cluster: string, groupId: string, params?: Record<string, string>): string {
  const search = params ? new URLSearchParams(params).toString() : '';
  return `/clusters/${cluster}/groups/${encodeURIComponent(groupId)}${search ? `?${search}` : ''}`;
}
