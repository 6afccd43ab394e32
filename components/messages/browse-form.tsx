'use client';
import { useState, useTransition, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { useHydrated } from '@/components/ui/use-hydrated';
import { FilterInput } from './filter-input';
import { useFilterCheck } from './use-filter-check';
import { messagesHref } from './messages-href';

export interface BrowseFormValues {
  partition: string;
  from: string;
  offset: string;
  ts: string;
  limit: string;
  filter: string;
  cursor: string;
  dir: string;
}

/** Where to read from; the URL holds the state, so a page can be shared and Back works. */
export function BrowseForm({ cluster, topic, partitions, values, fieldErrors }: { cluster: string; topic: string; partitions: number; values: BrowseFormValues; fieldErrors: Record<string, string> }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [from, setFrom] = useState(values.from);
  const [filter, setFilter] = useState(values.filter);
  const check = useFilterCheck(cluster, filter);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (check.status === 'invalid') return;
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    if (data.from !== 'offset') delete data.offset;
    if (data.from !== 'timestamp') delete data.ts;
    if (data.partition === 'all') delete data.partition;
    startTransition(() => router.push(messagesHref(cluster, topic, data), { scroll: false }));
  };

  const err = (field: string) => fieldErrors[field];
  return (
    <form onSubmit={onSubmit} aria-label="Browse messages" className="mb-4 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-start gap-3">
        <div>
          <label htmlFor="browse-partition" className="label">
            Partition
          </label>
          <select id="browse-partition" name="partition" defaultValue={values.partition || 'all'} className="input w-28">
            <option value="all">All</option>
            {Array.from({ length: partitions }, (_, p) => (
              <option key={p} value={String(p)}>
                {p}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="browse-from" className="label">
            Start
          </label>
          <select id="browse-from" name="from" value={from} onChange={(e) => setFrom(e.target.value)} className="input w-40">
            <option value="newest">Newest</option>
            <option value="oldest">Oldest</option>
            <option value="offset">From offset</option>
            <option value="timestamp">From time</option>
          </select>
        </div>
        {from === 'offset' && (
          <div>
            <label htmlFor="browse-offset" className="label">
              Offset
            </label>
            <input id="browse-offset" name="offset" inputMode="numeric" defaultValue={values.offset} className="input w-32 font-mono" aria-invalid={err('offset') ? true : undefined} aria-describedby="browse-offset-error" />
            {err('offset') && (
              <p id="browse-offset-error" role="alert" className="field-error">
                {err('offset')}
              </p>
            )}
          </div>
        )}
        {from === 'timestamp' && (
          <div>
            <label htmlFor="browse-ts" className="label">
              Time (UTC)
            </label>
            <input id="browse-ts" name="ts" type="datetime-local" step={1} defaultValue={values.ts} className="input w-56" aria-invalid={err('ts') ? true : undefined} aria-describedby="browse-ts-error" />
            {err('ts') && (
              <p id="browse-ts-error" role="alert" className="field-error">
                {err('ts')}
              </p>
            )}
          </div>
        )}
        <div>
          <label htmlFor="browse-limit" className="label">
            Messages
          </label>
          <input id="browse-limit" name="limit" type="number" min={1} max={500} defaultValue={values.limit || '50'} className="input w-24" aria-invalid={err('limit') ? true : undefined} />
          {err('limit') && (
            <p role="alert" className="field-error">
              {err('limit')}
            </p>
          )}
        </div>
        <FilterInput
          value={filter}
          onChange={setFilter}
          // The page's error is about the filter it loaded with; once edited, the live check speaks.
          error={check.status === 'invalid' ? check.message : filter === values.filter ? err('filter') : undefined}
          checking={check.status === 'checking'}
        />
        <div className="pt-5">
          <Button type="submit" variant="primary" disabled={!hydrated || pending || check.status === 'invalid'}>
            {pending ? 'Loading…' : 'Load'}
          </Button>
        </div>
      </div>
    </form>
  );
}
