'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { GroupListQuery } from '@/lib/domain/groups/group-list';
import { useHydrated } from '@/components/topics/use-hydrated';
import { groupListHref } from './group-list-href';

const DEBOUNCE_MS = 250;

/** Search by group id or topic; the URL is the state (router.replace, so typing does not flood the history). */
export function GroupSearchBox({ cluster, query }: { cluster: string; query: GroupListQuery }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(query.q);
  const [syncedQ, setSyncedQ] = useState(query.q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  if (query.q !== syncedQ) {
    setSyncedQ(query.q);
    if (value.trim() !== query.q.trim()) setValue(query.q);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(groupListHref(cluster, query, { q: next.trim(), page: 1 }), { scroll: false }));
    }, DEBOUNCE_MS);
  };

  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor="group-search" className="sr-only">
        Search consumer groups
      </label>
      <input
        id="group-search"
        type="search"
        className="input pr-20"
        placeholder="Search by group id or topic…"
        autoComplete="off"
        spellCheck={false}
        maxLength={255}
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
