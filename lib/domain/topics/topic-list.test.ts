import { describe, expect, it } from 'vitest';
import { queryTopics, summarizeTopic, topicListQuery, type TopicSummary } from './topic-list';

const t = (name: string, partitions = 1, extra: Partial<TopicSummary> = {}): TopicSummary => ({
  name,
  internal: name.startsWith('_'),
  partitions,
  replicationFactor: 1,
  underReplicatedPartitions: 0,
  offlinePartitions: 0,
  ...extra,
});

describe('topicListQuery', () => {
  it('falls back to defaults on garbage instead of failing the page', () => {
    expect(topicListQuery.parse({ sort: 'evil', page: '-3', pageSize: '100000', dir: 'sideways' })).toEqual({ q: '', sort: 'name', dir: 'asc', page: 1, pageSize: 50, internal: '0' });
  });
});

describe('queryTopics', () => {
  const all = [t('reminders', 3), t('task-events', 12), t('__consumer_offsets', 50), t('task-updates', 6, { underReplicatedPartitions: 2 })];
  const q = (over: object) => topicListQuery.parse(over);

  it('hides internal topics by default and counts them', () => {
    const page = queryTopics(all, q({}));
    expect(page.items.map((x) => x.name)).toEqual(['reminders', 'task-events', 'task-updates']);
    expect(page.hiddenInternal).toBe(1);
  });

  it('searches case-insensitively and sorts by a column, ties by name', () => {
    expect(queryTopics(all, q({ q: 'TASK', sort: 'partitions', dir: 'desc' })).items.map((x) => x.name)).toEqual(['task-events', 'task-updates']);
    expect(queryTopics(all, q({ sort: 'underReplicatedPartitions', dir: 'desc', internal: '1' })).items[0]!.name).toBe('task-updates');
  });

  it('pages and clamps the page number', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => t(`topic-${String(i).padStart(5, '0')}`));
    const page = queryTopics(many, q({ page: '999', pageSize: '100' }));
    expect(page).toMatchObject({ total: 10_000, page: 100, pageCount: 100 });
    expect(page.items[0]!.name).toBe('topic-09900');
    expect(page.items).toHaveLength(100);
  });
});

describe('summarizeTopic', () => {
  it('counts under-replicated and offline partitions and takes the widest replica set as RF', () => {
    const s = summarizeTopic({
      name: 'orders',
      internal: false,
      partitions: [
        { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 2, 3], offlineReplicas: [] },
        { partition: 1, leader: 2, replicas: [2, 3, 1], isr: [2], offlineReplicas: [] },
        { partition: 2, leader: -1, replicas: [3, 1, 2], isr: [], offlineReplicas: [3, 1, 2] },
      ],
    });
    expect(s).toEqual({ name: 'orders', internal: false, partitions: 3, replicationFactor: 3, underReplicatedPartitions: 2, offlinePartitions: 1 });
  });
});
