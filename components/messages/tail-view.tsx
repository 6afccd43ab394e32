'use client';
import { useEffect, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/topics/form-feedback';
import { FilterInput } from './filter-input';
import { LiveMessageList } from './live-message-list';
import { LiveStats } from './live-stats';
import { MessageDetail } from './message-detail';
import { messagesApiHref } from './messages-href';
import { useLiveStream } from './use-live-stream';

const KEEP = 2_000;

/** Live tail: new records as they are written, filtered on the server; pause keeps the position, resume continues from it. */
export function TailView({ cluster, topic, initialFilter = '' }: { cluster: string; topic: string; initialFilter?: string }) {
  const { state, start, pause, clear } = useLiveStream(KEEP);
  const [filter, setFilter] = useState(initialFilter);
  const [applied, setApplied] = useState(initialFilter);
  const [selected, setSelected] = useState<string | null>(null);

  const url = (f: string, cursor?: string) => messagesApiHref(cluster, topic, 'tail', { filter: f.trim() || undefined, cursor });

  useEffect(() => {
    start(url(initialFilter));
    // Started once on mount; later starts come from the buttons.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setApplied(filter);
    clear();
    start(url(filter));
  };

  const running = state.status === 'live' || state.status === 'connecting' || state.status === 'reconnecting';
  const filterError = state.error?.field === 'filter' ? state.error.message : undefined;
  const selectedMessage = selected ? state.messages.find((m) => `${m.partition}:${m.offset}` === selected) : undefined;
  return (
    <div>
      <form onSubmit={apply} aria-label="Tail filter" className="mb-3 flex flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
        <FilterInput id="tail-filter" value={filter} onChange={setFilter} error={filterError} />
        <div className="flex gap-2 pt-5">
          <Button type="submit" variant="primary">
            {filter.trim() === applied.trim() ? 'Restart' : 'Apply filter'}
          </Button>
          {running ? (
            <Button onClick={pause}>Pause</Button>
          ) : (
            <Button onClick={() => start(url(applied, state.lastId))} disabled={state.status === 'connecting'}>
              Resume
            </Button>
          )}
          <Button onClick={clear}>Clear</Button>
        </div>
      </form>
      <LiveStats state={state} mode="tail" />
      {state.error && !filterError && <FormAlert error={state.error} title="The tail stopped" />}
      <LiveMessageList messages={state.messages} selected={selected} onSelect={setSelected} label="Live messages" />
      {state.messages.length === 0 && running && <p className="mt-2 text-sm text-slate-500">Waiting for new messages… (a tail shows what is written from now on; use Browse for history)</p>}
      {selectedMessage && (
        <div className="mt-3 rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <MessageDetail key={selected} cluster={cluster} message={selectedMessage} />
        </div>
      )}
    </div>
  );
}
