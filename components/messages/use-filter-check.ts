'use client';
import { useEffect, useState } from 'react';
import type { FilterCheckResult } from '@/lib/domain/messages/filter-check';

/** How long typing must pause before the expression is sent for checking. */
export const FILTER_CHECK_DEBOUNCE_MS = 300;

export type FilterCheck = { status: 'idle' | 'checking' | 'valid' } | { status: 'invalid'; message: string };

interface Checked {
  expression: string;
  result: FilterCheck;
}

/**
 * Checks a filter expression as it is typed: after a pause, the server compiles it in its sandbox
 * (POST …/filter-check; nothing runs) and says whether it parses, with the error and its position.
 * A check that a later keystroke made stale is aborted. An empty expression is valid (no filter).
 * When the check itself fails (network, server), the verdict is left to the search, which compiles
 * the filter again anyway.
 */
export function useFilterCheck(cluster: string, expression: string): FilterCheck {
  const [checked, setChecked] = useState<Checked>({ expression: '', result: { status: 'valid' } });

  useEffect(() => {
    if (expression.trim() === '') return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/clusters/${encodeURIComponent(cluster)}/filter-check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ expression }),
        signal: abort.signal,
      })
        .then(async (response) => {
          const body = (await response.json()) as FilterCheckResult | { error: { message: string } };
          if ('ok' in body) setChecked({ expression, result: body.ok ? { status: 'valid' } : { status: 'invalid', message: body.error.message } });
          else if (response.status === 400) setChecked({ expression, result: { status: 'invalid', message: body.error.message } });
          else setChecked({ expression, result: { status: 'idle' } });
        })
        .catch(() => {
          if (!abort.signal.aborted) setChecked({ expression, result: { status: 'idle' } });
        });
    }, FILTER_CHECK_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [cluster, expression]);

  if (expression.trim() === '') return { status: 'valid' };
  // Until the answer for this very text arrives, the last one would be about other text.
  return checked.expression === expression ? checked.result : { status: 'checking' };
}
