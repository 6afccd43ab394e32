import { topicListQuery, type TopicListQuery } from '@/lib/domain/topics/topic-list';

const DEFAULTS: TopicListQuery = topicListQuery.parse({});

/**
 * The list's URL for `query` with `change` applied. Default values are left out so URLs stay short
 * and a shared link means the same thing after defaults change.
 */
export function topicListHref(cluster: string, query: TopicListQuery, change: Partial<TopicListQuery> = {}): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULTS) as (keyof TopicListQuery)[]) {
    const value = next[key];
    if (key === 'q' ? String(value).trim() !== '' : value !== DEFAULTS[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return `/clusters/${cluster}/topics${search ? `?${search}` : ''}`;
}

export function topicHref(cluster: string, topic: string, params?: Record<string, string>): string {
  const search = params ? new URLSearchParams(params).toString() : '';
  return `/clusters/${cluster}/topics/${encodeURIComponent(topic)}${search ? `?${search}` : ''}`;
}
