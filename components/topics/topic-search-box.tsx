'use client';
import type { TopicListQuery } from '@/lib/domain/topics/topic-list';
import { UrlSearchBox } from '@/components/ui/url-search-box';
import { topicListHref } from './topic-list-href';

export function TopicSearchBox({ cluster, query }: { cluster: string; query: TopicListQuery }) {
  return (
    <UrlSearchBox
      id="topic-search"
      label="Search topics"
      placeholder="Search topics by name…"
      maxLength={249}
      q={query.q}
      hrefFor={(q) => topicListHref(cluster, query, { q, page: 1 })}
    />
  );
}
