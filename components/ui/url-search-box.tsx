'use client';
import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useHydrated } from './use-hydrated';

const DEBOUNCE_MS = 250;

interface Props {
  id: string;
  label: string;
  placeholder: string;
  maxLength: number;
  /** The search text in the URL now. */
  q: string;
  /** The URL that shows results for `q` (first page). */
  hrefFor: (q: string) => string;
}

/** A list's search box whose state is the URL (router.replace, so typing does not flood the history). */
export function UrlSearchBox({ id, label, placeholder, maxLength, q, hrefFor }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [value, setValue] = useState(q);
  const [syncedQ, setSyncedQ] = useState(q);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back/forward changes the URL under us: follow it unless the user has typed since.
  if (q !== syncedQ) {
    setSyncedQ(q);
    if (value.trim() !== q.trim()) setValue(q);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const onChange = (next: string) => {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      startTransition(() => router.replace(hrefFor(next.trim()), { scroll: false }));
    }, DEBOUNCE_MS);
  };

  return (
    <div className="relative w-full max-w-sm">
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className="input pr-20"
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
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
