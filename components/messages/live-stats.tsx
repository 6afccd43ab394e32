'use client';
import type { LiveViewState } from '@/lib/domain/stream/live-view-state';
import { Badge } from '@/components/ui/badge';

const STATUS: Record<LiveViewState['status'], { label: string; tone: 'neutral' | 'info' | 'good' | 'warn' | 'bad' }> = {
  idle: { label: 'not started', tone: 'neutral' },
  connecting: { label: 'connecting…', tone: 'info' },
  live: { label: 'live', tone: 'good' },
  reconnecting: { label: 'reconnecting…', tone: 'warn' },
  paused: { label: 'paused', tone: 'neutral' },
  done: { label: 'done', tone: 'good' },
  failed: { label: 'stopped', tone: 'bad' },
};

export function LiveStats({ state, mode }: { state: LiveViewState; mode: 'tail' | 'search' }) {
  const s = STATUS[state.status];
  const n = (x: number) => x.toLocaleString('en');
  const stalled = state.partitions.filter((p) => p.stalled);
  return (
    <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400" data-testid="live-stats">
      <Badge tone={s.tone}>{s.label}</Badge>
      {mode === 'tail' ? (
        <>
          <span>
            <strong className="text-slate-900 tabular-nums dark:text-slate-100" data-testid="received-count">
              {n(state.received)}
            </strong>{' '}
            received
          </span>
          <span data-testid="rate">
            <strong className="text-slate-900 tabular-nums dark:text-slate-100">{n(state.serverRate)}</strong> msg/s
          </span>
          <span>
            showing the newest {n(Math.min(state.messages.length, state.keep))}
          </span>
        </>
      ) : (
        <>
          <span>
            <strong className="text-slate-900 tabular-nums dark:text-slate-100" data-testid="scanned-count">
              {n(state.scanned)}
            </strong>{' '}
            scanned
          </span>
          <span>
            <strong className="text-slate-900 tabular-nums dark:text-slate-100" data-testid="matched-count">
              {n(state.matched)}
            </strong>{' '}
            matched
          </span>
          <span>{n(state.serverRate)} msg/s</span>
        </>
      )}
      {state.dropped > 0 && (
        <span className="text-amber-700 dark:text-amber-400" data-testid="dropped-count" title="This view read more slowly than the topic was written; the server skipped the oldest waiting messages rather than fall further behind.">
          {n(state.dropped)} skipped
        </span>
      )}
      {stalled.length > 0 && (
        <span className="text-amber-700 dark:text-amber-400" data-testid="stalled-partitions" role="status">
          waiting for partition{stalled.length > 1 ? 's' : ''} {stalled.map((p) => p.partition).join(', ')}: {stalled[0]!.stalled} Retrying; nothing is skipped.
        </span>
      )}
      {state.filterErrors > 0 && (
        <span className="text-amber-700 dark:text-amber-400" title={state.filterError}>
          filter failed on {n(state.filterErrors)} (not shown): {state.filterError}
        </span>
      )}
    </div>
  );
}

export function PartitionProgressBars({ state }: { state: LiveViewState }) {
  if (!state.partitions.length) return null;
  return (
    <div className="mb-3 grid grid-cols-[repeat(auto-fill,minmax(11rem,1fr))] gap-2 text-xs" aria-label="Position per partition">
      {state.partitions.map((p) => {
        const end = Number(p.end);
        const at = Number(p.position);
        const pct = end > 0 ? Math.min(100, (at / end) * 100) : 100;
        return (
          <div key={p.partition} title={`partition ${p.partition}: at ${p.position} of ${p.end}${p.stalled ? ` (waiting: ${p.stalled})` : ''}`}>
            <div className="flex justify-between text-slate-500">
              <span>p{p.partition}</span>
              <span className="tabular-nums">
                {p.position}/{p.end}
              </span>
            </div>
            <div className="h-1.5 rounded bg-slate-200 dark:bg-slate-800">
              <div className={`h-1.5 rounded ${p.stalled ? 'bg-amber-500' : 'bg-sky-500'}`} style={{ width: `${pct}%` }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
