'use client';
import { positionOfError } from './messages-href';

/**
 * The server-side filter expression. A compile error is shown under it with a caret at the
 * position the sandbox reported, so a typo is found without reading column numbers. The parent
 * checks the expression as it is typed (useFilterCheck) and passes the error in; `checking` says
 * a check of the current text is on its way.
 */
export function FilterInput({
  name = 'filter',
  value,
  onChange,
  defaultValue,
  error,
  checking = false,
  id = 'message-filter',
}: {
  name?: string;
  value?: string;
  defaultValue?: string;
  onChange?: (v: string) => void;
  error?: string;
  checking?: boolean;
  id?: string;
}) {
  const text = value ?? defaultValue ?? '';
  const at = error ? positionOfError(error) : null;
  const line = at ? text.split(/\r\n|\r|\n/)[at.line - 1] : undefined;
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="label">
        Filter expression <span className="font-normal text-slate-500">(JavaScript, runs in a sandbox on the server)</span>
      </label>
      <textarea
        id={id}
        name={name}
        rows={1}
        spellCheck={false}
        autoComplete="off"
        className="input min-h-[34px] font-mono text-xs"
        placeholder={`value.status === 'PAID' && headers['source'] === 'web'`}
        {...(value !== undefined ? { value, onChange: (e) => onChange?.(e.target.value) } : { defaultValue })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
      />
      {error ? (
        <div id={`${id}-error`} role="alert" className="field-error">
          <p>{error}</p>
          {at && line !== undefined && (
            <pre aria-hidden className="mt-1 overflow-x-auto rounded bg-red-50 p-1 font-mono text-[11px] leading-tight text-red-800 dark:bg-red-950/40 dark:text-red-200">
              {line}
              {'\n'}
              {' '.repeat(Math.max(0, at.column - 1))}^
            </pre>
          )}
        </div>
      ) : (
        <p id={`${id}-help`} className="mt-1 text-xs text-slate-500" aria-live="polite">
          {checking && <span className="mr-1 text-slate-400">Checking…</span>}
          Sees <code>key</code>, <code>value</code> (parsed JSON or text), <code>headers</code>, <code>partition</code>, <code>offset</code> (string), <code>timestamp</code> (ms).
        </p>
      )}
    </div>
  );
}
