'use client';
import { Button } from './button';
import { PageHeader } from './page-header';

/** Last resort for errors no loader caught: says so, keeps the shell, and offers a retry. */
export function SectionCrash({ title, error, reset }: { title: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <PageHeader title={title} />
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
        <p className="font-semibold">This page failed to render</p>
        <p className="mt-1">
          {error.message || 'Unexpected error.'}
          {error.digest && <> (reference <code className="font-mono text-xs">{error.digest}</code> in the server log)</>}
        </p>
        <Button className="mt-3" onClick={reset}>
          Try again
        </Button>
      </div>
    </>
  );
}
