'use client';
import { Handle, Position } from '@xyflow/react';
import { useCanvas } from '../canvas/canvas-context';

const TONES = {
  service: 'border-sky-300 bg-white dark:border-sky-800 dark:bg-slate-900',
  topic: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/60',
  retry: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/60',
  dlq: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/60',
  schema: 'border-violet-300 bg-violet-50 dark:border-violet-800 dark:bg-violet-950/60',
  connector: 'border-slate-400 bg-slate-100 dark:border-slate-600 dark:bg-slate-800',
  note: 'border-yellow-300 bg-yellow-50 dark:border-yellow-700 dark:bg-yellow-950/50',
} as const;

export type NodeTone = keyof typeof TONES;

/**
 * The box every node type draws: handles on both sides (data flows left to right), a kind label,
 * a title, details, and the badges that come from the store rather than from node data: lint
 * findings and, with the live overlay on, drift. Reading them by id keeps node data serialisable
 * and lets a finding re-render only its own node.
 */
export function NodeFrame({ id, tone, kind, title, selected, children, width = 220 }: { id: string; tone: NodeTone; kind: string; title: string; selected: boolean; children?: React.ReactNode; width?: number }) {
  const errors = useCanvas((s) => s.findingsByElement[id]?.errors ?? 0);
  const warnings = useCanvas((s) => s.findingsByElement[id]?.warnings ?? 0);
  const firstFinding = useCanvas((s) => s.findingsByElement[id]?.first ?? '');
  const missing = useCanvas((s) => (s.live ? s.live.missing.includes(id) : false));
  return (
    <div
      aria-label={`${kind} ${title}`}
      data-lint={errors ? 'error' : warnings ? 'warning' : 'clean'}
      style={{ width }}
      className={`kea-node relative rounded-lg border-2 px-3 py-2 text-left shadow-sm ${TONES[tone]} ${selected ? 'ring-2 ring-sky-500 ring-offset-1 dark:ring-offset-slate-950' : ''} ${missing ? 'border-dashed opacity-80' : ''}`}
    >
      <Handle type="target" position={Position.Left} className="!h-3 !w-3 !border-2 !border-white !bg-slate-500" />
      <div className="flex items-center justify-between gap-2 text-[10px] font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        <span>{kind}</span>
        <span className="flex gap-1">
          {missing && (
            <span title="In the design but not in the cluster" className="rounded bg-slate-700 px-1 text-white normal-case">
              not in cluster
            </span>
          )}
          {errors > 0 && (
            <span title={firstFinding} data-testid="node-errors" className="rounded bg-red-600 px-1.5 text-white">
              {errors}
            </span>
          )}
          {warnings > 0 && (
            <span title={firstFinding} data-testid="node-warnings" className="rounded bg-amber-500 px-1.5 text-white">
              {warnings}
            </span>
          )}
        </span>
      </div>
      <div className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100" title={title}>
        {title}
      </div>
      {children && <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">{children}</div>}
      <Handle type="source" position={Position.Right} className="!h-3 !w-3 !border-2 !border-white !bg-slate-500" />
    </div>
  );
}
