'use client';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/topics/form-feedback';
import { FilterInput } from './filter-input';
import { LiveMessageList } from './live-message-list';
import { LiveStats, PartitionProgressBars } from './live-stats';
import { MessageDetail } from './message-detail';
import { messagesApiHref } from './messages-href';
import { useFilterCheck } from './use-filter-check';
import { useLiveStream } from './use-live-stream';

/** Search: scan a range with the server-side filter, with progress, until N matches or the end; cancellable. */
export function SearchView({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: number }) {
  const { state, start, pause, clear } = useLiveStream(1_000, { closeOnDone: true });
  const [from, setFrom] = useState('oldest');
  const [filter, setFilter] = useState('');
  const [submittedFilter, setSubmittedFilter] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const check = useFilterCheck(cluster, filter);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
    if (check.status === 'invalid') return;
    clear();
    setSelected(null);
    setSubmittedFilter(filter);
    start(messagesApiHref(cluster, topic, 'search', { ...data, filter }));
  };

  const running = state.status === 'live' || state.status === 'connecting' || state.status === 'reconnecting';
  const fieldError = (f: string) => (state.error?.field === f ? state.error.message : undefined);
  // The search's own error about the filter is about the text it was started with; once edited, the live check speaks.
  const filterError = check.status === 'invalid' ? check.message : filter === submittedFilter ? fieldError('filter') : undefined;
  const selectedMessage = selected ? state.messages.find((m) => `${m.partition}:${m.offset}` === selected) : undefined;
  return (
    <div>
      <form onSubmit={onSubmit} aria-label="Search messages" className="mb-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <div className="flex flex-wrap items-start gap-3">
          <div>
            <label htmlFor="search-partition" className="label">
              Partition
            </label>
            <select id="search-partition" name="partition" className="input w-24" defaultValue="all">
              <option value="all">All</option>
              {Array.from({ length: partitions }, (_, p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="search-from" className="label">
              Start
            </label>
            <select id="search-from" name="from" className="input w-36" value={from} onChange={(e) => setFrom(e.target.value)}>
              <option value="oldest">Oldest</option>
              <option value="offset">From offset</option>
              <option value="timestamp">From time</option>
            </select>
          </div>
          {from === 'offset' && (
            <div>
              <label htmlFor="search-offset" className="label">
                Offset
              </label>
              <input id="search-offset" name="offset" className="input w-28 font-mono" inputMode="numeric" />
            </div>
          )}
          {from === 'timestamp' && (
            <div>
              <label htmlFor="search-ts" className="label">
                Time (UTC)
              </label>
              <input id="search-ts" name="ts" type="datetime-local" step={1} className="input w-56" />
            </div>
          )}
          <div>
            <label htmlFor="search-max" className="label">
              Stop after
            </label>
            <input id="search-max" name="max" type="number" min={1} max={1000} defaultValue={100} className="input w-24" />
          </div>
          <FilterInput id="search-filter" value={filter} onChange={setFilter} error={filterError} checking={check.status === 'checking'} />
          <div className="flex gap-2 pt-5">
            <Button type="submit" variant="primary" disabled={running || check.status === 'invalid'}>
              Search
            </Button>
            {running && <Button onClick={pause}>Cancel</Button>}
          </div>
        </div>
      </form>
      <LiveStats state={state} mode="search" />
      <PartitionProgressBars state={state} />
      {state.error && !fieldError('filter') && <FormAlert error={state.error} title="The search stopped" />}
      {state.status === 'paused' && <p className="mb-2 text-sm text-slate-500">Cancelled.</p>}
      {state.status === 'done' && <p className="mb-2 text-sm text-slate-500" data-testid="search-done">{state.matched >= 1 ? 'Search finished.' : 'Search finished: nothing matched.'}</p>}
      <LiveMessageList messages={state.messages} selected={selected} onSelect={setSelected} label="Matches" />
      {selectedMessage && (
        <div className="mt-3 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <MessageDetail key={selected} cluster={cluster} message={selectedMessage} />
        </div>
      )}
    </div>
  );
}
