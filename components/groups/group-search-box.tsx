'use client';
import type { GroupListQuery } from '@/lib/domain/groups/group-list';
import { UrlSearchBox } from '@/components/ui/url-search-box';
import { groupListHref } from './group-list-href';

export function GroupSearchBox({ cluster, query }: { cluster: string; query: GroupListQuery }) {
  return (
    <UrlSearchBox
      id="group-search"
      label="Search consumer groups"
      placeholder="Search by group id or topic…"
      maxLength={255}
      q={query.q}
      hrefFor={(q) => groupListHref(cluster, query, { q, page: 1 })}
    />
  );
}
