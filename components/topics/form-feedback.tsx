import type { ConsoleErrorShape } from '@/lib/domain/console-error';

/** The message under a field; its id is what the input's aria-describedby points at. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="field-error">
      {message}
    </p>
  );
}

const TITLES: Partial<Record<ConsoleErrorShape['category'], string>> = {
  unavailable: 'Cluster unreachable',
  timeout: 'The cluster did not answer in time',
  'not-found': 'Not found',
  forbidden: 'Not allowed',
  'invalid-input': 'The cluster rejected the request',
  'already-exists': 'Already exists',
  unsupported: 'Not supported by this cluster',
  conflict: 'Conflict',
};

/** A failure that belongs to the whole form (the cluster is down, the broker refused), not to one field. */
export function FormAlert({ error, title }: { error: ConsoleErrorShape | string | null | undefined; title?: string }) {
  if (!error) return null;
  const shape: ConsoleErrorShape = typeof error === 'string' ? { category: 'invalid-input', message: error, retryable: false } : error;
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
      <p className="font-semibold">{title ?? shape.title ?? TITLES[shape.category] ?? 'Something went wrong'}</p>
      <p className="mt-0.5 break-words">{shape.message}</p>
      {shape.retryable && <p className="mt-1 text-xs opacity-80">This may be temporary: try again in a moment.</p>}
    </div>
  );
}

export function SuccessNotice({ children }: { children: React.ReactNode }) {
  if (!children) return null;
  return (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200">
      {children}
    </p>
  );
}

export function WarningNote({ children }: { children: React.ReactNode }) {
  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-200">
      {children}
    </div>
  );
}
