import Link from 'next/link';
import type { BrowseResult } from '@/lib/domain/messages/browse-plan';
import type { ConsoleErrorShape } from '@/lib/domain/console-error';
import { ErrorPanel } from '@/components/ui/error-panel';
import { buttonClass } from '@/components/ui/button';
import { BrowseForm, type BrowseFormValues } from './browse-form';
import { MessageTable } from './message-table';
import { messagesApiHref, messagesHref } from './messages-href';

interface Props {
  cluster: string;
  topic: string;
  partitions: number;
  values: BrowseFormValues;
  result: { ok: true; page: BrowseResult } | { ok: false; error: ConsoleErrorShape };
}

export function BrowseView({ cluster, topic, partitions, values, result }: Props) {
  const fieldErrors: Record<string, string> = !result.ok && result.error.field ? { [result.error.field]: result.error.message } : {};
  const base = { partition: values.partition || undefined, limit: values.limit || undefined, filter: values.filter || undefined };
  const current = { ...base, from: values.from, offset: values.offset || undefined, ts: values.ts || undefined, cursor: values.cursor || undefined, dir: values.dir || undefined };
  return (
    <>
      <BrowseForm cluster={cluster} topic={topic} partitions={partitions} values={values} fieldErrors={fieldErrors} />
      {!result.ok && !result.error.field && <ErrorPanel error={result.error} />}
      {result.ok && (
        <>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
            <p data-testid="browse-summary" className="text-slate-600 dark:text-slate-400">
              {result.page.messages.length === 0 ? 'No messages here.' : `${result.page.messages.length} message${result.page.messages.length === 1 ? '' : 's'}`}
              {values.filter && <> · {result.page.scanned.toLocaleString('en')} scanned</>}
              {result.page.scanLimited && <> · stopped at the scan limit; page on to scan further</>}
              {result.page.filterErrors > 0 && (
                <span className="ml-1 text-amber-700 dark:text-amber-400" title={result.page.filterError}>
                  · the filter failed on {result.page.filterErrors.toLocaleString('en')} message{result.page.filterErrors === 1 ? '' : 's'} (not shown): {result.page.filterError}
                </span>
              )}
            </p>
            <div className="flex items-center gap-2">
              {result.page.hasOlder && result.page.first ? (
                <Link className={buttonClass()} href={messagesHref(cluster, topic, { ...base, cursor: result.page.first, dir: 'backward' })} scroll={false}>
                  ← Older
                </Link>
              ) : (
                <span className={`${buttonClass()} opacity-40`} aria-disabled>
                  ← Older
                </span>
              )}
              {result.page.hasNewer && result.page.next ? (
                <Link className={buttonClass()} href={messagesHref(cluster, topic, { ...base, cursor: result.page.next, dir: 'forward' })} scroll={false}>
                  Newer →
                </Link>
              ) : (
                <span className={`${buttonClass()} opacity-40`} aria-disabled>
                  Newer →
                </span>
              )}
              <a className={buttonClass()} href={messagesApiHref(cluster, topic, 'export', { ...current, format: 'jsonl' })} download>
                Export JSON Lines
              </a>
              <a className={buttonClass()} href={messagesApiHref(cluster, topic, 'export', { ...current, format: 'csv' })} download>
                Export CSV
              </a>
            </div>
          </div>
          {result.page.messages.length > 0 && <MessageTable key={`${values.cursor}-${values.from}-${values.offset}-${values.ts}`} cluster={cluster} messages={result.page.messages} />}
        </>
      )}
    </>
  );
}
