'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { TopicListQuery } from '@/lib/domain/topics/topic-list';
import { topicListHref } from './topic-list-href';
import { useHydrated } from './use-hydrated';

const DEBOUNCE_MS = 250;

/** Search by name; the URL is the state (router.replace, so typing does not flood the history). */
export function TopicSearchBox({ cluster, query }: { cluster: string; query: TopicListQuery }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(query.q);
  const [syncedQ, setSyncedQ] = useState(query.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back/forward changes the URL under us: follow it unless the user has typed since.
  if (query.q !== syncedQ) {
    setSyncedQ(query.q);
    if (value.trim() !== query.q.trim()) setValue(query.q);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(topicListHref(cluster, query, { q: next.trim(), page: 1 }), { scroll: false }));
    }, DEBOUNCE_MS);
  };

  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor="topic-search" className="sr-only">
        Search topics
      </label>
      <input
        id="topic-search"
        type="search"
        className="input pr-20"
        placeholder="Search topics by name…"
        autoComplete="off"
        spellCheck={false}
        maxLength={249}
        value={value}
        readOnly={!hydrated}
        onChange={(e) => onChange(e.target.value)}
      />
      {pending && (
        <span aria-live="polite" className="absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-slate-400">
          Searching…
        </span>
      )}
    </div>
  );
}
