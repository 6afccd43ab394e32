import { describe, expect, it } from 'vitest';
import { groupListQuery, queryGroups } from './group-list';
import type { ConsumerGroupSummary } from './group-model';

const g = (groupId: string, extra: Partial<ConsumerGroupSummary> = {}): ConsumerGroupSummary => ({
  groupId,
  state: 'Stable',
  protocolType: 'consumer',
  memberCount: 1,
  topics: ['orders'],
  totalLag: '0',
  partitions: 1,
  unknownPartitions: 0,
  status: 'OK',
  severity: 'ok',
  statusComplete: true,
  explanation: '',
  ...extra,
});

const q = (over: object) => groupListQuery.parse(over);

describe('groupListQuery', () => {
  it('falls back to defaults on garbage instead of failing the page', () => {
    expect(groupListQuery.parse({ sort: 'evil', page: '-1', pageSize: '9999', dir: 'up', show: 'x' })).toEqual({
      q: '',
      sort: 'groupId',
      dir: 'asc',
      page: 1,
      pageSize: 50,
      show: 'all',
    });
  });
});

describe('queryGroups', () => {
  const all = [
    g('billing', { totalLag: '12000000000000000000', status: 'WARN', severity: 'warning' }),
    g('audit', { state: 'Empty', memberCount: 0, topics: ['audit-log'], totalLag: '5', status: 'STOP', severity: 'error' }),
    g('search-indexer', { memberCount: 3, topics: ['orders', 'users'], totalLag: '40' }),
    g('rebalancer', { state: 'PreparingRebalance', memberCount: 2 }),
  ];

  it('searches group ids and topics, case-insensitively', () => {
    expect(queryGroups(all, q({ q: 'USERS' })).items.map((x) => x.groupId)).toEqual(['search-indexer']);
    expect(queryGroups(all, q({ q: 'aud' })).items.map((x) => x.groupId)).toEqual(['audit']);
  });

  it('sorts lag as int64 (beyond 2^53), ties by id', () => {
    expect(queryGroups(all, q({ sort: 'lag', dir: 'desc' })).items.map((x) => x.groupId)).toEqual(['billing', 'search-indexer', 'audit', 'rebalancer']);
    expect(queryGroups(all, q({ sort: 'status', dir: 'desc' })).items.map((x) => x.groupId)).toEqual(['audit', 'billing', 'search-indexer', 'rebalancer']);
    expect(queryGroups(all, q({ sort: 'members', dir: 'desc' })).items[0]!.groupId).toBe('search-indexer');
  });

  it('filters by state and counts every filter', () => {
    const page = queryGroups(all, q({ show: 'problems' }));
    expect(page.items.map((x) => x.groupId)).toEqual(['audit', 'billing']);
    expect(page.counts).toEqual({ all: 4, active: 3, empty: 1, rebalancing: 1, problems: 2 });
    expect(page.totalLag).toBe('12000000000000000005');
    expect(queryGroups(all, q({ show: 'empty' })).items.map((x) => x.groupId)).toEqual(['audit']);
    expect(queryGroups(all, q({ show: 'rebalancing' })).items.map((x) => x.groupId)).toEqual(['rebalancer']);
  });

  it('pages and clamps the page number at thousands of groups', () => {
    const many = Array.from({ length: 5_000 }, (_, i) => g(`group-${String(i).padStart(4, '0')}`));
    const page = queryGroups(many, q({ page: '999', pageSize: '100' }));
    expect(page).toMatchObject({ total: 5_000, page: 50, pageCount: 50 });
    expect(page.items[0]!.groupId).toBe('group-4900');
  });
});
