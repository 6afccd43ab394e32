import Link from 'next/link';
import { PageHeader } from '@/components/ui/page-header';
import { topicHref } from '@/components/topics/topic-list-href';
import { messagesHref, type MessagesMode } from './messages-href';

const LABELS: Record<MessagesMode, string> = { browse: 'Browse', tail: 'Live tail', search: 'Search', produce: 'Produce' };

export function MessagesHeader({ cluster, topic, mode, partitions }: { cluster: string; topic: string; mode: MessagesMode; partitions?: number }) {
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <span className="truncate font-mono" title={topic}>
              {topic}
            </span>
            <span className="text-base font-normal text-slate-500">messages</span>
          </span>
        }
        subtitle={
          <>
            <Link href={`/clusters/${cluster}/topics`} className="text-sky-700 hover:underline dark:text-sky-400">
              Topics
            </Link>{' '}
            ·{' '}
            <Link href={topicHref(cluster, topic)} className="text-sky-700 hover:underline dark:text-sky-400">
              {topic}
            </Link>
            {partitions !== undefined && <> · {partitions === 1 ? '1 partition' : `${partitions} partitions`}</>}
          </>
        }
      />
      <nav aria-label="Message views" className="mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {(Object.keys(LABELS) as MessagesMode[]).map((m) => (
          <Link
            key={m}
            href={messagesHref(cluster, topic, m === 'browse' ? {} : { mode: m })}
            aria-current={m === mode ? 'page' : undefined}
            scroll={false}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-sky-600 aria-[current=page]:text-sky-700 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-sky-400 dark:aria-[current=page]:text-sky-300"
          >
            {LABELS[m]}
          </Link>
        ))}
      </nav>
    </>
  );
}
