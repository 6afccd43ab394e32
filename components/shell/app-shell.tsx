import Link from 'next/link';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import { ClusterSwitcher } from './cluster-switcher';
import { SidebarNav } from './sidebar-nav';
import { ThemeToggle } from './theme-toggle';
import { HealthIndicator } from './health-indicator';

export function AppShell({ clusters, current, children }: { clusters: PublicCluster[]; current: PublicCluster | null; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <Link href="/" className="flex items-center gap-2 px-4 py-4 font-semibold tracking-tight">
          <span aria-hidden className="grid size-7 place-items-center rounded-md bg-sky-600 text-sm text-white">K</span>
          <span className="leading-tight">
            Kafka Event
            <br />
            Architect
          </span>
        </Link>
        {current && (
          <div className="px-3 pb-3">
            <ClusterSwitcher clusters={clusters} current={current.name} />
          </div>
        )}
        <SidebarNav cluster={current?.name ?? clusters[0]?.name ?? 'local'} />
        <div className="mt-auto flex items-center justify-between border-t border-slate-200 px-3 py-3 dark:border-slate-800">
          {current ? <HealthIndicator cluster={current.name} /> : <span />}
          <ThemeToggle />
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
    </div>
  );
}
