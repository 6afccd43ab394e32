import Link from 'next/link';
import type { TopicListQuery, TopicPage, TopicSortKey, TopicSummary } from '@/lib/domain/topics/topic-list';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { buttonClass } from '@/components/ui/button';
import { formatCount, plural } from './format';
import { SuccessNotice } from './form-feedback';
import { topicHref, topicListHref } from './topic-list-href';
import { TopicSearchBox } from './topic-search-box';
import { Pager, SortableHeader, type SortColumn } from '@/components/ui/list-table';

const COLUMNS: SortColumn<TopicSortKey>[] = [
  { key: 'name', label: 'Name', numeric: false, firstDir: 'asc' },
  { key: 'partitions', label: 'Partitions', numeric: true },
  { key: 'replicationFactor', label: 'Replication factor', numeric: true },
  { key: 'underReplicatedPartitions', label: 'Health', numeric: false, title: 'Under-replicated and offline partitions' },
];

const link = 'text-sky-700 hover:underline dark:text-sky-400';

export function TopicListView({ cluster, query, page, notice }: { cluster: string; query: TopicListQuery; page: TopicPage; notice?: React.ReactNode }) {
  const showingInternal = query.internal === '1';
  const searching = query.q.trim() !== '';
  const first = (page.page - 1) * query.pageSize + 1;
  const last = first + page.items.length - 1;

  return (
    <>
      <PageHeader
        title="Topics"
        subtitle={<>Cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span></>}
        actions={
          <Link href={`/clusters/${cluster}/topics/new`} className={buttonClass('primary')}>
            Create topic
          </Link>
        }
      />
      {notice && <div className="mb-4">{notice}</div>}

      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <TopicSearchBox cluster={cluster} query={query} />
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="topic-count">
          {plural(page.total, 'topic')} {page.total === 1 ? 'matches' : 'match'}
          {!showingInternal && page.hiddenInternal > 0 && <> · {formatCount(page.hiddenInternal)} internal hidden</>}
        </p>
        <Link className={`ml-auto text-sm ${link}`} href={topicListHref(cluster, query, { internal: showingInternal ? '0' : '1', page: 1 })}>
          {showingInternal ? 'Hide internal topics' : 'Show internal topics'}
        </Link>
      </div>

      {page.total === 0 ? (
        <EmptyState cluster={cluster} query={query} searching={searching} hiddenInternal={showingInternal ? 0 : page.hiddenInternal} />
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <table className="data-table [&_td]:align-middle" aria-label="Topics">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <SortableHeader key={c.label} column={c} sort={query.sort} dir={query.dir} hrefFor={(sort, dir) => topicListHref(cluster, query, { sort, dir, page: 1 })} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.items.map((t) => (
                  <TopicRow key={t.name} cluster={cluster} topic={t} />
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} first={first} last={last} hrefFor={(n) => topicListHref(cluster, query, { page: n })} />
        </>
      )}
    </>
  );
}


function TopicRow({ cluster, topic: t }: { cluster: string; topic: TopicSummary }) {
  return (
    <tr>
      <td className="max-w-[40rem]">
        <span className="flex items-center gap-2">
          <Link href={topicHref(cluster, t.name)} className={`truncate font-medium ${link}`} title={t.name}>
            {t.name}
          </Link>
          {t.internal && <Badge title="Kafka, Connect or registry bookkeeping">internal</Badge>}
        </span>
      </td>
      <td className="num">{formatCount(t.partitions)}</td>
      <td className="num">{t.replicationFactor}</td>
      <td>
        <span className="flex flex-wrap gap-1">
          {t.offlinePartitions > 0 && (
            <Badge tone="bad" title="Partitions with no leader: they can be neither read nor written">
              {formatCount(t.offlinePartitions)} offline
            </Badge>
          )}
          {t.underReplicatedPartitions > 0 && (
            <Badge tone="warn" title="Partitions whose in-sync replicas are fewer than their replicas">
              {formatCount(t.underReplicatedPartitions)} under-replicated
            </Badge>
          )}
          {t.offlinePartitions === 0 && t.underReplicatedPartitions === 0 && <span className="text-slate-500 dark:text-slate-400">all in sync</span>}
        </span>
      </td>
    </tr>
  );
}


function EmptyState({ cluster, query, searching, hiddenInternal }: { cluster: string; query: TopicListQuery; searching: boolean; hiddenInternal: number }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-10 text-center dark:border-slate-700">
      {searching ? (
        <>
          <p className="font-medium">No topic matches &ldquo;{query.q.trim()}&rdquo;</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {hiddenInternal > 0 && <>{plural(hiddenInternal, 'internal topic')} match but {hiddenInternal === 1 ? 'is' : 'are'} hidden. </>}
            <Link className={link} href={topicListHref(cluster, query, { q: '', page: 1 })}>
              Clear the search
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="font-medium">No topics yet — create one</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {hiddenInternal > 0 ? `Only internal topics exist here (${formatCount(hiddenInternal)} hidden).` : 'This cluster has no topics.'}
          </p>
          <Link href={`/clusters/${cluster}/topics/new`} className={`${buttonClass('primary')} mt-4`}>
            Create topic
          </Link>
        </>
      )}
    </div>
  );
}

export function DeletedNotice({ topic }: { topic: string }) {
  return <SuccessNotice>Topic &ldquo;{topic}&rdquo; was deleted.</SuccessNotice>;
}
