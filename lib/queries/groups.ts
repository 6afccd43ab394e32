import 'server-only';
import { consumerGroups, lagSamplerSettings } from '@/lib/kafka/groups';
import { groupListQuery, queryGroups } from '@/lib/domain/groups/group-list';
import { guardedLoad } from './guarded-load';

export function loadGroupPage(cluster: string, searchParams: Record<string, string | string[] | undefined>) {
  const query = groupListQuery.parse(Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  return guardedLoad({ permission: 'group:read', cluster }, async () => {
    const all = await consumerGroups(cluster).list();
    return { query, page: queryGroups(all, query), groupCount: all.length, sampleIntervalMs: lagSamplerSettings().intervalMs };
  });
}

export function loadGroupDetail(cluster: string, groupId: string) {
  return guardedLoad({ permission: 'group:read', cluster, resource: groupId }, () => consumerGroups(cluster).describe(groupId));
}
