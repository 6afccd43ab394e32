import Link from 'next/link';
import { GROUP_STATE_FILTERS, type GroupListQuery, type GroupPage, type GroupSortKey, type GroupStateFilter } from '@/lib/domain/groups/group-list';
import type { ConsumerGroupSummary } from '@/lib/domain/groups/group-model';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { formatCount, plural } from '@/components/topics/format';
import { SuccessNotice } from '@/components/topics/form-feedback';
import { groupHref, groupListHref } from './group-list-href';
import { GroupSearchBox } from './group-search-box';
import { GroupStateBadge } from './group-state-badge';
import { LagStatusBadge } from './lag-status-badge';
import { Pager, SortableHeader, type SortColumn } from '@/components/ui/list-table';

const COLUMNS: SortColumn<GroupSortKey>[] = [
  { key: 'groupId', label: 'Group', numeric: false, firstDir: 'asc' },
  { key: 'state', label: 'State', numeric: false, firstDir: 'asc' },
  { key: 'members', label: 'Members', numeric: true },
  { key: null, label: 'Topics', numeric: false },
  { key: 'lag', label: 'Total lag', numeric: true, title: 'Sum over partitions of end offset − committed offset' },
  { key: 'status', label: 'Status', numeric: false, title: 'Burrow-style evaluation of the offsets over the sampling window' },
];

const FILTER_LABELS: Record<GroupStateFilter, string> = { all: 'All', active: 'Active', empty: 'Empty', rebalancing: 'Rebalancing', problems: 'Need attention' };

const link = 'text-sky-700 hover:underline dark:text-sky-400';

interface Props {
  cluster: string;
  query: GroupListQuery;
  page: GroupPage;
  sampleIntervalMs: number;
  notice?: React.ReactNode;
}

export function GroupListView({ cluster, query, page, sampleIntervalMs, notice }: Props) {
  const first = (page.page - 1) * query.pageSize + 1;
  const last = first + page.items.length - 1;
  return (
    <>
      <PageHeader
        title="Consumer groups"
        subtitle={
          <>
            Cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span> · lag read at most {sampleIntervalMs / 1000} s ago
          </>
        }
      />
      {notice && <div className="mb-4">{notice}</div>}

      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <GroupSearchBox cluster={cluster} query={query} />
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="group-count">
          {plural(page.total, 'group')} {page.total === 1 ? 'matches' : 'match'} · total lag {formatCount(page.totalLag)}
        </p>
      </div>
      <nav aria-label="Filter groups" className="mb-3 flex flex-wrap gap-1.5">
        {GROUP_STATE_FILTERS.map((f) => (
          <Link
            key={f}
            href={groupListHref(cluster, query, { show: f, page: 1 })}
            aria-current={query.show === f ? 'true' : undefined}
            scroll={false}
            className="rounded-full border border-slate-300 px-2.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100 aria-[current=true]:border-sky-600 aria-[current=true]:bg-sky-50 aria-[current=true]:text-sky-800 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=true]:bg-sky-950 dark:aria-[current=true]:text-sky-300"
          >
            {FILTER_LABELS[f]} <span className="tabular-nums opacity-70">{formatCount(page.counts[f])}</span>
          </Link>
        ))}
      </nav>

      {page.total === 0 ? (
        <EmptyState cluster={cluster} query={query} />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="data-table [&_td]:align-middle" aria-label="Consumer groups">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <SortableHeader key={c.label} column={c} sort={query.sort} dir={query.dir} hrefFor={(sort, dir) => groupListHref(cluster, query, { sort, dir, page: 1 })} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.items.map((g) => (
                  <GroupRow key={g.groupId} cluster={cluster} group={g} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} first={first} last={last} hrefFor={(n) => groupListHref(cluster, query, { page: n })} />
        </>
      )}
    </>
  );
}


function TopicList({ topics }: { topics: string[] }) {
  if (topics.length === 0) return <span className="text-slate-400">none</span>;
  const shown = topics.slice(0, 2);
  return (
    <span className="flex flex-wrap items-center gap-1" title={topics.join('\n')}>
      {shown.map((t) => (
        <span key={t} className="max-w-[14rem] truncate font-mono text-xs">
          {t}
        </span>
      ))}
      {topics.length > shown.length && <span className="text-xs text-slate-500">+{topics.length - shown.length} more</span>}
    </span>
  );
}

function GroupRow({ cluster, group: g }: { cluster: string; group: ConsumerGroupSummary }) {
  return (
    <tr>
      <td className="max-w-[32rem]">
        <span className="flex items-center gap-2">
          <Link href={groupHref(cluster, g.groupId)} className={`truncate font-medium ${link}`} title={g.groupId}>
            {g.groupId}
          </Link>
          {g.protocolType && g.protocolType !== 'consumer' && <Badge title="Group protocol type">{g.protocolType}</Badge>}
          {g.membersUnknown && <Badge title="The group uses the KIP-848 consumer protocol">KIP-848</Badge>}
        </span>
      </td>
      <td>
        <GroupStateBadge state={g.state} />
      </td>
      <td className="num">{g.membersUnknown ? <span title="Members of KIP-848 groups are not listed yet">?</span> : formatCount(g.memberCount)}</td>
      <td>
        <TopicList topics={g.topics} />
      </td>
      <td className="num">
        {formatCount(g.totalLag)}
        {g.unknownPartitions > 0 && (
          <span className="ml-1 text-xs text-slate-500" title="Partitions without a committed offset: their lag is unknown and not in the total">
            +{g.unknownPartitions} unknown
          </span>
        )}
      </td>
      <td>
        <span className="flex items-center gap-2">
          {g.partitions === 0 && !g.error ? (
            <span className="text-xs text-slate-500" title="The group holds no committed offsets and has no partitions assigned">
              no offsets
            </span>
          ) : (
            <LagStatusBadge status={g.status} severity={g.severity} complete={g.statusComplete} title={g.explanation} />
          )}
          {g.error && (
            <Badge tone="bad" title={g.error}>
              unreadable
            </Badge>
          )}
        </span>
      </td>
    </tr>
  );
}


const FILTER_WORD: Record<GroupStateFilter, string> = { all: '', active: 'active ', empty: 'empty ', rebalancing: 'rebalancing ', problems: '' };

function EmptyState({ cluster, query }: { cluster: string; query: GroupListQuery }) {
  const q = query.q.trim();
  const word = FILTER_WORD[query.show];
  const attention = query.show === 'problems';
  if (q === '' && query.show === 'all') {
    return (
      <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
        <p className="font-medium">No consumer groups on this cluster</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">A group appears here once a consumer joins it or offsets are committed for it.</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      <p className="font-medium">
        {q ? (
          <>
            No {word}group{attention ? ' needing attention' : ''} matches &ldquo;{q}&rdquo;
          </>
        ) : attention ? (
          'No group needs attention'
        ) : (
          `No ${word}groups`
        )}
      </p>
      <p className="mt-1 text-sm">
        <Link className={link} href={groupListHref(cluster, query, { q: '', show: 'all', page: 1 })}>
          Show all groups
        </Link>
      </p>
    </div>
  );
}

export function GroupDeletedNotice({ groupId }: { groupId: string }) {
  return <SuccessNotice>Consumer group &ldquo;{groupId}&rdquo; was deleted with its committed offsets.</SuccessNotice>;
}
