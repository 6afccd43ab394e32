import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export function TopicNotFound({ cluster, topic }: { cluster: string; topic: string }) {
  return (
    <div role="alert" className="rounded-lg border border-slate-200 bg-white p-8 text-center dark:border-slate-800 dark:bg-slate-900">
      <p className="text-lg font-semibold">
        Topic &ldquo;<span className="font-mono break-all">{topic}</span>&rdquo; does not exist
      </p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Cluster {cluster} has no topic by that name. It may have been deleted, or the link has a typo.
      </p>
      <Link href={`/clusters/${cluster}/topics?q=${encodeURIComponent(topic)}`} className={`${buttonClass()} mt-4`}>
        Back to topics
      </Link>
    </div>
  );
}
