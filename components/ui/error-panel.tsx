import type { ConsoleErrorShape } from '@/lib/domain/console-error';

const TITLES: Partial<Record<ConsoleErrorShape['category'], string>> = {
  unavailable: 'Cluster unreachable',
  timeout: 'The cluster did not answer in time',
  'not-found': 'Not found',
  forbidden: 'Not allowed',
};

/** Shows a ConsoleError where the page's content would be: what happened, and whether retrying helps. */
export function ErrorPanel({ error, title }: { error: ConsoleErrorShape; title?: string }) {
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-semibold">{title ?? error.title ?? TITLES[error.category] ?? 'Something went wrong'}</p>
      <p className="mt-1">{error.message}</p>
      {error.retryable && <p className="mt-2 text-xs opacity-80">This may be temporary: reload the page to try again.</p>}
    </div>
  );
}
