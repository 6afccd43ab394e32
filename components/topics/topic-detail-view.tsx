import Link from 'next/link';
import type { TopicDetail } from '@/lib/domain/topics/topic-model';
import { isOffline, isUnderReplicated } from '@/lib/domain/cluster/cluster-model';
import { PageHeader } from '@/components/ui/page-header';
import { Stat } from '@/components/ui/stat';
import { Badge } from '@/components/ui/badge';
import { AddPartitionsForm } from './add-partitions-form';
import { DeleteRecordsForm } from './delete-records-form';
import { DeleteTopicForm } from './delete-topic-form';
import { formatCount, plural } from './format';
import { SuccessNotice, WarningNote } from './form-feedback';
import { PartitionsTable } from './partitions-table';
import { TopicConfigsPanel } from './topic-configs-panel';
import { topicHref } from './topic-list-href';

export const TOPIC_TABS = ['partitions', 'configs', 'danger'] as const;
export type TopicTab = (typeof TOPIC_TABS)[number];
const TAB_LABELS: Record<TopicTab, string> = { partitions: 'Partitions', configs: 'Configs', danger: 'Danger zone' };

interface Props {
  cluster: string;
  detail: TopicDetail;
  brokerCount: number;
  tab: TopicTab;
  justCreated: boolean;
}

export function TopicDetailView({ cluster, detail: d, brokerCount, tab, justCreated }: Props) {
  const under = d.partitions.filter(isUnderReplicated).length;
  const offline = d.partitions.filter(isOffline).length;
  const overrides = d.configs.filter((c) => c.source === 'topic').length;
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <span className="truncate font-mono" title={d.name}>
              {d.name}
            </span>
            {d.internal && <Badge>internal</Badge>}
          </span>
        }
        subtitle={
          <>
            <Link href={`/clusters/${cluster}/topics`} className="text-sky-700 hover:underline dark:text-sky-400">
              Topics
            </Link>{' '}
            · cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span>
          </>
        }
      />
      {justCreated && (
        <div className="mb-4">
          <SuccessNotice>
            Topic &ldquo;{d.name}&rdquo; created with {plural(d.partitions.length, 'partition')} and replication factor {d.replicationFactor}.
          </SuccessNotice>
        </div>
      )}

      <section aria-label="Topic summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="Partitions" value={formatCount(d.partitions.length)} />
        <Stat
          label="Replication factor"
          value={d.replicationFactor}
          tone={d.replicationFactor < Math.min(3, brokerCount) ? 'warn' : 'neutral'}
          hint={`${brokerCount} broker${brokerCount === 1 ? '' : 's'} in the cluster`}
        />
        <Stat
          label="Retained records"
          value={d.retainedRecords === null ? 'unknown' : formatCount(d.retainedRecords)}
          tone={d.retainedRecords === null ? 'warn' : 'neutral'}
          hint={d.watermarksError ?? 'Sum over partitions of high − low watermark (approximate on compacted topics)'}
        />
        <Stat
          label="Out of sync"
          value={offline ? `${offline} offline` : under ? `${under} under-replicated` : 'none'}
          tone={offline ? 'bad' : under ? 'warn' : 'good'}
          hint="Partitions that are offline (no leader) or under-replicated (fewer in-sync replicas than replicas)"
        />
      </section>

      <nav aria-label="Topic sections" className="mt-6 mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {TOPIC_TABS.map((t) => (
          <Link
            key={t}
            href={topicHref(cluster, d.name, t === 'partitions' ? undefined : { tab: t })}
            aria-current={t === tab ? 'page' : undefined}
            scroll={false}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-sky-600 aria-[current=page]:text-sky-700 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-sky-400 dark:aria-[current=page]:text-sky-300"
          >
            {TAB_LABELS[t]}
            {t === 'partitions' && <span className="ml-1.5 text-xs text-slate-400 tabular-nums">{d.partitions.length}</span>}
            {t === 'configs' && overrides > 0 && <span className="ml-1.5 text-xs text-slate-400 tabular-nums">{overrides} set</span>}
          </Link>
        ))}
        <Link
          href={`/clusters/${cluster}/topics/${encodeURIComponent(d.name)}/messages`}
          className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
        >
          Messages
        </Link>
      </nav>

      {tab === 'partitions' && <PartitionsTable partitions={d.partitions} watermarksError={d.watermarksError} />}
      {tab === 'configs' && <TopicConfigsPanel cluster={cluster} topic={d.name} configs={d.configs} />}
      {tab === 'danger' && <DangerZone cluster={cluster} detail={d} />}
    </>
  );
}

function DangerCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-red-200 bg-white p-5 dark:border-red-900/50 dark:bg-slate-900">
      <h2 className="mb-3 text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function DangerZone({ cluster, detail: d }: { cluster: string; detail: TopicDetail }) {
  return (
    <div className="max-w-4xl space-y-4">
      {d.internal && (
        <WarningNote>
          <strong>{d.name}</strong> is an internal topic: Kafka, Connect or the schema registry keep their own state in it. Changing it can break them.
        </WarningNote>
      )}
      <DangerCard title="Add partitions">
        <AddPartitionsForm cluster={cluster} topic={d.name} current={d.partitions.length} />
      </DangerCard>
      <DangerCard title="Delete records">
        <DeleteRecordsForm cluster={cluster} topic={d.name} partitions={d.partitions} />
      </DangerCard>
      <DangerCard title="Delete topic">
        <DeleteTopicForm cluster={cluster} topic={d.name} />
      </DangerCard>
    </div>
  );
}
