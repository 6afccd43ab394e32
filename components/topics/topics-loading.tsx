import { PageHeader } from '@/components/ui/page-header';

/** Shown while the cluster answers; a slow or unreachable cluster can take a few seconds to say so. */
export function TopicsLoading({ title }: { title: string }) {
  return (
    <div aria-busy="true">
      <PageHeader title={title} subtitle="Asking the cluster…" />
      <div className="space-y-2" aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-9 animate-pulse rounded-md bg-slate-200/70 dark:bg-slate-800/70" />
        ))}
      </div>
    </div>
  );
}
