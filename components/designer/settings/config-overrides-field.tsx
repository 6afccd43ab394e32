'use client';
import { useState } from 'react';
import { overridesToText, textToOverrides, type ConfigOverrides } from '@/lib/domain/design/edit/config-override-text';
import { TextAreaField } from '../inspector/fields';

/**
 * Config overrides as text. The text is kept as typed (a half-written line, a trailing newline)
 * and only replaced when the overrides change from outside, such as an undo.
 */
export function ConfigOverridesField({ label, value, onChange, error }: { label: string; value: ConfigOverrides | undefined; onChange: (v: ConfigOverrides | undefined) => void; error?: string }) {
  const [state, setState] = useState({ value, text: overridesToText(value) });
  let current = state;
  if (!sameOverrides(state.value, value)) {
    current = { value, text: overridesToText(value) };
    setState(current);
  }
  return (
    <TextAreaField
      label={label}
      rows={2}
      value={current.text}
      error={error}
      hint="One key=value per line; !key removes a key the base design sets."
      onChange={(text) => {
        const next = textToOverrides(text);
        setState({ value: next, text });
        onChange(next);
      }}
    />
  );
}

function sameOverrides(a: ConfigOverrides | undefined, b: ConfigOverrides | undefined): boolean {
  const ea = Object.entries(a ?? {});
  return ea.length === Object.keys(b ?? {}).length && ea.every(([k, v]) => (b ?? {})[k] === v);
}
