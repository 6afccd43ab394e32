'use client';
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MessageView } from '@/lib/domain/messages/message-model';
import { formatBytes, formatTimestamp, previewOf } from './part-preview';

const ROW_HEIGHT = 28;

/**
 * The sample of a live stream, newest first, virtualised (@tanstack/react-virtual): only the rows
 * in view are in the DOM, so thousands of arrivals a second cost a re-render of ~30 rows.
 */
export function LiveMessageList({ messages, selected, onSelect, label }: { messages: MessageView[]; selected: string | null; onSelect: (id: string | null) => void; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns functions React Compiler must not memoise; this component is not compiled.
  const virtualizer = useVirtualizer({ count: messages.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const newestFirst = (i: number) => messages[messages.length - 1 - i]!;
  return (
    <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="grid grid-cols-[3rem_6rem_11rem_10rem_1fr_4.5rem] gap-3 border-b border-slate-200 bg-slate-100/70 px-3 py-2 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
        <span className="text-right">Part.</span>
        <span className="text-right">Offset</span>
        <span>Timestamp (UTC)</span>
        <span>Key</span>
        <span>Value</span>
        <span className="text-right">Size</span>
      </div>
      <div ref={scroller} className="h-[28rem] overflow-auto" role="listbox" aria-label={label} data-testid="live-list">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const m = newestFirst(row.index);
            const id = `${m.partition}:${m.offset}`;
            return (
              <div
                key={id}
                role="option"
                data-testid="live-row"
                data-offset={m.offset}
                aria-selected={selected === id}
                onClick={() => onSelect(selected === id ? null : id)}
                className="absolute inset-x-0 grid cursor-pointer grid-cols-[3rem_6rem_11rem_10rem_1fr_4.5rem] items-center gap-3 border-b border-slate-100 px-3 font-mono text-xs hover:bg-sky-50/60 aria-selected:bg-sky-100 dark:border-slate-800/70 dark:hover:bg-slate-800/40 dark:aria-selected:bg-sky-950"
                style={{ top: row.start, height: ROW_HEIGHT }}
              >
                <span className="text-right tabular-nums">{m.partition}</span>
                <span className="text-right tabular-nums">{m.offset}</span>
                <span className="whitespace-nowrap">{formatTimestamp(m.timestamp)}</span>
                <span className="truncate">{m.key.format === 'null' ? <span className="text-slate-400">null</span> : previewOf(m.key, 40)}</span>
                <span className={`truncate ${m.value.error ? 'text-red-700 dark:text-red-300' : ''}`}>{m.value.format === 'null' ? <span className="text-slate-400">tombstone</span> : previewOf(m.value, 240)}</span>
                <span className="text-right">{formatBytes(m.size)}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
