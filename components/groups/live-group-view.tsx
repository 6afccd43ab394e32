'use client';
import { useEffect, useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { GroupLagEvaluation } from '@/lib/domain/lag/lag-status';
import { lagTotals } from '@/lib/domain/lag/lag-totals';
import { partitionOwners, type GroupMember, type LagPoint } from '@/lib/domain/groups/group-model';
import type { LagConnection } from '@/lib/domain/groups/lag-view-state';
import { Stat } from '@/components/ui/stat';
import { formatCount } from '@/components/topics/format';
import { groupHref } from './group-list-href';
import { GROUP_TAB_LABELS, GROUP_TABS, type GroupTab } from './group-tabs';
import { LagChart } from './lag-chart';
import { LagStatusBadge, STATUS_MEANING } from './lag-status-badge';
import { PartitionLagTable } from './partition-lag-table';
import { useLagStream } from './use-lag-stream';


interface Props {
  cluster: string;
  groupId: string;
  initial: { evaluation: GroupLagEvaluation; history: LagPoint[]; state: string; memberCount: number; sampledAt: number };
  intervalMs: number;
  historyCapacity: number;
  members: GroupMember[];
  /** KIP-848 groups: members cannot be listed, so the count is not shown as 0. */
  membersUnknown?: boolean;
  tab: GroupTab;
  /** The server-rendered content of the other tabs. */
  children?: React.ReactNode;
}

const SEVERITY_BOX = {
  ok: 'border-emerald-200 bg-emerald-50 text-emerald-950 dark:border-emerald-900/60 dark:bg-emerald-950/30 dark:text-emerald-100',
  unknown: 'border-slate-200 bg-slate-50 text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100',
  warning: 'border-amber-200 bg-amber-50 text-amber-950 dark:border-amber-900/60 dark:bg-amber-950/30 dark:text-amber-100',
  error: 'border-red-200 bg-red-50 text-red-950 dark:border-red-900/60 dark:bg-red-950/30 dark:text-red-100',
} as const;

/** The detail page's live part: stats, the status in words, the chart and the partition table follow the SSE lag stream. */
export function LiveGroupView({ cluster, groupId, initial, intervalMs, historyCapacity, members, membersUnknown, tab, children }: Props) {
  const router = useRouter();
  const init = useMemo(() => ({ ...initial, capacity: historyCapacity }), [initial, historyCapacity]);
  const view = useLagStream(cluster, groupId, init);
  const owners = useMemo(() => partitionOwners(members), [members]);
  const totals = useMemo(() => lagTotals(view.evaluation.partitions), [view.evaluation]);
  const e = view.evaluation;
  const judging = e.status === 'OK' && e.partitions.some((p) => !p.complete);
  const headline =
    e.partitions.length === 0
      ? 'Nothing to judge: the group holds no committed offsets and has no partitions assigned.'
      : judging
        ? 'Watching: the window does not hold enough samples to judge a trend yet.'
        : STATUS_MEANING[e.status];

  // Members and the reset guard are server-rendered: refresh them when the group's membership changes.
  const seen = useRef(`${initial.state}/${initial.memberCount}`);
  useEffect(() => {
    const now = `${view.state}/${view.memberCount}`;
    if (now !== seen.current) {
      seen.current = now;
      router.refresh();
    }
  }, [view.state, view.memberCount, router]);

  return (
    <>
      <section aria-label="Group summary" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat label="State" value={<span data-testid="group-state">{view.state}</span>} tone={view.state === 'Stable' || view.state === 'Empty' ? 'neutral' : 'warn'} />
        <Stat
          label="Members"
          value={<span data-testid="group-members">{membersUnknown ? 'not listed' : formatCount(view.memberCount)}</span>}
          hint={membersUnknown ? 'KIP-848 consumer-protocol group: see Members' : undefined}
        />
        <Stat
          label="Total lag"
          value={<span data-testid="total-lag">{formatCount(e.totalLag)}</span>}
          hint={e.unknownPartitions ? `${e.unknownPartitions} partition(s) without a committed offset are not counted` : 'Sum over partitions of end offset − committed offset'}
        />
        <Stat
          label="Status"
          value={<span data-testid="group-status">{e.status}</span>}
          tone={e.severity === 'error' ? 'bad' : e.severity === 'warning' ? 'warn' : e.severity === 'ok' && !judging ? 'good' : 'neutral'}
          hint={headline}
        />
      </section>

      <div role="status" aria-label="Status explanation" className={`mt-3 rounded-lg border px-4 py-3 text-sm ${SEVERITY_BOX[judging ? 'unknown' : e.severity]}`}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="flex items-center gap-2 font-semibold">
            <LagStatusBadge status={e.status} severity={e.severity} complete={!judging} /> {headline}
          </p>
          <LiveIndicator connection={view.connection} sampledAt={view.sampledAt} updates={view.updates} />
        </div>
        <p className="mt-1" data-testid="status-explanation">
          {capitalize(e.explanation)}
        </p>
        {view.error && (
          <p className="mt-1 font-medium text-red-800 dark:text-red-300" role="alert">
            {view.error.message}
          </p>
        )}
      </div>

      <nav aria-label="Group sections" className="mt-6 mb-4 flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {GROUP_TABS.map((t) => (
          <Link
            key={t}
            href={groupHref(cluster, groupId, t === 'lag' ? undefined : { tab: t })}
            aria-current={t === tab ? 'page' : undefined}
            scroll={false}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-sky-600 aria-[current=page]:text-sky-700 dark:text-slate-400 dark:hover:text-slate-100 dark:aria-[current=page]:border-sky-400 dark:aria-[current=page]:text-sky-300"
          >
            {GROUP_TAB_LABELS[t]}
            {t === 'lag' && <span className="ml-1.5 text-xs text-slate-400 tabular-nums">{totals.partitions}</span>}
            {t === 'members' && !membersUnknown && <span className="ml-1.5 text-xs text-slate-400 tabular-nums">{view.memberCount}</span>}
          </Link>
        ))}
      </nav>

      {tab === 'lag' ? (
        <div className="space-y-4">
          <LagChart points={view.history} intervalMs={intervalMs} />
          {totals.byTopic.length > 1 && (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              By topic:{' '}
              {totals.byTopic.map((t, i) => (
                <span key={t.topic}>
                  {i > 0 && ' · '}
                  <span className="font-mono">{t.topic}</span> {formatCount(t.lag)}
                </span>
              ))}
            </p>
          )}
          <PartitionLagTable partitions={e.partitions} owners={owners} />
        </div>
      ) : (
        children
      )}
    </>
  );
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

const CONNECTION_LABEL: Record<LagConnection, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', closed: 'Stopped' };

function LiveIndicator({ connection, sampledAt, updates }: { connection: LagConnection; sampledAt: number; updates: number }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const age = now === null ? null : Math.max(0, Math.round((now - sampledAt) / 1000));
  const dot = connection === 'live' ? 'bg-emerald-500' : connection === 'closed' ? 'bg-slate-400' : 'bg-amber-500';
  return (
    <span className="flex items-center gap-1.5 text-xs font-normal" data-testid="live-indicator" data-connection={connection} data-updates={updates}>
      <span aria-hidden className={`inline-block size-2 rounded-full ${dot} ${connection === 'live' ? 'animate-pulse' : ''}`} />
      {CONNECTION_LABEL[connection]}
      {age !== null && <span className="opacity-70">· read {age} s ago</span>}
    </span>
  );
}
