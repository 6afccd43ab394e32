'use client';
import { Fragment, useState } from 'react';
import type { MessageView } from '@/lib/domain/messages/message-model';
import { Badge } from '@/components/ui/badge';
import { MessageDetail } from './message-detail';
import { FORMAT_LABELS, formatBytes, formatTimestamp, previewOf } from './part-preview';

/** A page of records; a row opens its details in place. */
export function MessageTable({ cluster, messages }: { cluster: string; messages: MessageView[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="data-table table-fixed" aria-label="Messages">
        <colgroup>
          <col className="w-12" />
          <col className="w-24" />
          <col className="w-48" />
          <col className="w-40" />
          <col />
          <col className="w-20" />
          <col className="w-20" />
        </colgroup>
        <thead>
          <tr>
            <th className="num">Part.</th>
            <th className="num">Offset</th>
            <th>Timestamp (UTC)</th>
            <th>Key</th>
            <th>Value</th>
            <th className="num">Headers</th>
            <th className="num">Size</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((m) => {
            const id = `${m.partition}:${m.offset}`;
            const expanded = open === id;
            return (
              <Fragment key={id}>
                <tr className="cursor-pointer" data-testid="message-row" data-partition={m.partition} data-offset={m.offset} onClick={() => setOpen(expanded ? null : id)} aria-expanded={expanded}>
                  <td className="num">{m.partition}</td>
                  <td className="num font-mono text-xs">
                    <button type="button" className="hover:underline" aria-label={`Message ${m.partition}:${m.offset}`}>
                      {m.offset}
                    </button>
                  </td>
                  <td className="font-mono text-xs whitespace-nowrap">{formatTimestamp(m.timestamp)}</td>
                  <td className="truncate font-mono text-xs" title={previewOf(m.key, 400)}>
                    {m.key.format === 'null' ? <span className="text-slate-400">null</span> : previewOf(m.key, 60)}
                  </td>
                  <td className="font-mono text-xs">
                    <span className="flex min-w-0 items-center gap-2">
                      {m.value.format !== 'json' && m.value.format !== 'text' && (
                        <Badge tone={m.value.error ? 'bad' : m.value.schemaId !== undefined ? 'info' : 'neutral'} title={m.value.error}>
                          {m.value.error ? `${FORMAT_LABELS[m.value.format]} · not decoded` : FORMAT_LABELS[m.value.format]}
                        </Badge>
                      )}
                      <span className="truncate">{m.value.format === 'null' ? <span className="text-slate-400">tombstone</span> : previewOf(m.value, 200)}</span>
                    </span>
                  </td>
                  <td className="num">{m.headers.length || ''}</td>
                  <td className="num text-xs">{formatBytes(m.size)}</td>
                </tr>
                {expanded && (
                  <tr className="bg-slate-50/60 dark:bg-slate-950/40">
                    <td colSpan={7} className="p-0">
                      <MessageDetail cluster={cluster} message={m} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
