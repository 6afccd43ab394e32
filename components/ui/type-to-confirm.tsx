'use client';
import { Button } from './button';

interface Props {
  /** The input's id; its error line uses `${id}-error`. */
  id: string;
  /** What must be typed exactly (a topic name, a group id). */
  expected: string;
  value: string;
  onChange: (value: string) => void;
  readOnly: boolean;
  pending: boolean;
  actionLabel: string;
  error?: string;
}

/** "Type the name to confirm" for destructive actions: the button stays disabled until it matches. */
export function TypeToConfirm({ id, expected, value, onChange, readOnly, pending, actionLabel, error }: Props) {
  const errorId = `${id}-error`;
  return (
    <>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <label htmlFor={id} className="label">
            Type <span className="font-mono font-semibold break-all">{expected}</span> to confirm
          </label>
          <input
            id={id}
            className="input font-mono"
            autoComplete="off"
            spellCheck={false}
            value={value}
            readOnly={readOnly}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
        <Button type="submit" variant="danger" disabled={value !== expected || pending}>
          {pending ? 'Deleting…' : actionLabel}
        </Button>
      </div>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
