'use client';
import { humanizeConfigValue, topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';
import { Button } from '@/components/ui/button';
import { CONFIG_NAMES_LIST_ID, ConfigNameOptions, ConfigValueOptions, configValuePlaceholder, configValuesListId } from './config-name-options';
import type { ConfigRow, RowErrors } from './create-topic-validation';

interface Props {
  rows: ConfigRow[];
  disabled?: boolean;
  errors: Record<number, RowErrors>;
  onChange: (rows: ConfigRow[]) => void;
  /** Key errors show once the name input is left; value errors as the value is typed. */
  onTouch: (id: number, slot: 'key' | 'value') => void;
}

let nextRowId = 1000;
export const newConfigRow = (key = '', value = ''): ConfigRow => ({ id: nextRowId++, key, value });

/** Config overrides for a new topic: rows of name + value, added and removed freely. */
export function ConfigRowsEditor({ rows, disabled, errors, onChange, onTouch }: Props) {
  const update = (id: number, change: Partial<ConfigRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-semibold">Configs</legend>
      <p className="mt-0.5 mb-3 text-xs text-slate-500 dark:text-slate-400">Overrides of the broker defaults. Leave empty to use the defaults.</p>
      <ConfigNameOptions />
      {rows.length > 0 && (
        <ul className="space-y-3">
          {rows.map((row, index) => {
            const n = index + 1;
            const key = row.key.trim();
            const spec = topicConfigSpec(key);
            const human = humanizeConfigValue(key, row.value.trim());
            const err = errors[row.id] ?? {};
            const keyId = `config-${row.id}-key`;
            const valueId = `config-${row.id}-value`;
            return (
              <li key={row.id} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2">
                <div className="min-w-0">
                  <label htmlFor={keyId} className="label">
                    Config {n} name
                  </label>
                  <input
                    id={keyId}
                    className="input font-mono"
                    list={CONFIG_NAMES_LIST_ID}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder="e.g. retention.ms"
                    value={row.key}
                    aria-invalid={err.key ? true : undefined}
                    aria-describedby={err.key ? `${keyId}-error` : spec ? `${keyId}-help` : undefined}
                    onChange={(e) => update(row.id, { key: e.target.value })}
                    onBlur={() => onTouch(row.id, 'key')}
                    readOnly={disabled}
                  />
                  {err.key ? (
                    <p id={`${keyId}-error`} role="alert" className="field-error">
                      {err.key}
                    </p>
                  ) : (
                    spec && (
                      <p id={`${keyId}-help`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                        {spec.description}
                      </p>
                    )
                  )}
                </div>
                <div className="min-w-0">
                  <label htmlFor={valueId} className="label">
                    Config {n} value
                  </label>
                  <div className="relative">
                    <input
                      id={valueId}
                      className={`input font-mono ${human ? 'pr-16' : ''}`}
                      list={spec ? configValuesListId(key) : undefined}
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={configValuePlaceholder(key)}
                      value={row.value}
                      aria-invalid={err.value ? true : undefined}
                      aria-describedby={err.value ? `${valueId}-error` : undefined}
                      onChange={(e) => {
                        update(row.id, { value: e.target.value });
                        onTouch(row.id, 'value');
                      }}
                      onBlur={() => onTouch(row.id, 'value')}
                      readOnly={disabled}
                    />
                    {human && (
                      <span className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-xs text-slate-500 dark:text-slate-400" aria-label={`${human}`}>
                        = {human}
                      </span>
                    )}
                  </div>
                  {spec && <ConfigValueOptions name={key} />}
                  {err.value && (
                    <p id={`${valueId}-error`} role="alert" className="field-error">
                      {err.value}
                    </p>
                  )}
                </div>
                <Button className="mt-5" aria-label={`Remove config ${n}`} disabled={disabled} title="Remove this config" onClick={() => onChange(rows.filter((r) => r.id !== row.id))}>
                  ✕
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <Button className="mt-3" disabled={disabled} onClick={() => onChange([...rows, newConfigRow()])}>
        + Add config
      </Button>
    </fieldset>
  );
}
