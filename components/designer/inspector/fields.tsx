'use client';
import { useId } from 'react';

/** Small labelled inputs for the inspector; every one shows its validation message under it. */
interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (id: string, describedBy: string | undefined) => React.ReactNode;
}

function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="mb-2.5">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {children(id, error ? errorId : undefined)}
      {hint && !error && <p className="mt-0.5 text-[11px] text-slate-500">{hint}</p>}
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({ label, value, onChange, error, hint, placeholder }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; placeholder?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => <input id={id} className="input" value={value} placeholder={placeholder} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function NumberField({ label, value, onChange, error, hint }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <input
          id={id}
          className="input tabular-nums"
          type="number"
          value={value ?? ''}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      )}
    </Field>
  );
}

export function SelectField<T extends string>({ label, value, options, onChange, error, hint }: { label: string; value: T | ''; options: readonly (T | { value: T; label: string })[]; onChange: (v: T | '') => void; error?: string; hint?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => (
        <select id={id} className="input" value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value as T | '')}>
          {options.map((o) => {
            const opt = typeof o === 'string' ? { value: o, label: o || '—' } : o;
            return (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            );
          })}
        </select>
      )}
    </Field>
  );
}

export function TextAreaField({ label, value, onChange, error, hint, rows = 3 }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; rows?: number }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(id, describedBy) => <textarea id={id} className="input font-mono text-xs" rows={rows} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function CheckboxField({ label, checked, onChange, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string }) {
  return (
    <div className="mb-2.5">
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {label}
      </label>
      {hint && <p className="mt-0.5 text-[11px] text-slate-500">{hint}</p>}
    </div>
  );
}

/** "key=value" per line ⇄ a config map. */
export function configsToText(configs: Record<string, string>): string {
  return Object.entries(configs)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

export function textToConfigs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf('=');
    if (at <= 0) out[trimmed] = '';
    else out[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return out;
}
