'use client';
import { useCallback, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ActionResult, FieldErrors } from '@/lib/actions/safe-action';
import type { ConsoleErrorShape } from '@/lib/domain/console-error';

export interface ActionOutcome<T> {
  data?: T;
  fieldErrors: FieldErrors;
  formError: ConsoleErrorShape | null;
}

const IDLE = { fieldErrors: {}, formError: null };

/**
 * Runs a server action in a transition and keeps what it answered. A thrown call (the console's own
 * server restarting, the network dropping) becomes a form error too, so nothing reaches an error boundary.
 * On success the route is refreshed, so server-rendered data shows the change.
 */
export function useTopicAction<I, T>(action: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<ActionOutcome<T>>(IDLE);

  const run = useCallback(
    (input: I, onSuccess?: (data: T) => void, options: { refresh?: boolean } = {}) => {
      startTransition(async () => {
        let result: ActionResult<T>;
        try {
          result = await action(input);
        } catch (e) {
          const message = `The console server did not answer (${(e as Error).message || 'network error'}). Check that it is running, then try again.`;
          result = { ok: false, serverError: { category: 'unavailable', message, retryable: true }, message };
        }
        if (result.ok) {
          setOutcome({ data: result.data, fieldErrors: {}, formError: null });
          onSuccess?.(result.data);
          if (options.refresh !== false) router.refresh();
        } else if ('validationErrors' in result) {
          setOutcome({ fieldErrors: result.validationErrors, formError: null });
        } else {
          setOutcome({ fieldErrors: {}, formError: result.serverError });
        }
      });
    },
    [action, router],
  );

  const reset = useCallback(() => setOutcome(IDLE), []);
  return { pending, outcome, run, reset };
}
