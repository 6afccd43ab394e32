'use client';
import { useState } from 'react';
import { setDesignSettings } from '@/lib/domain/design/edit/environments';
import { LINT_RULES } from '@/lib/domain/design/lint/lint-design';
import { DEFAULT_TOPIC_NAME_PATTERN, topicNamePatternProblem } from '@/lib/domain/design/lint/naming-rule';
import { designSettingsSchema, type DesignDocument, type DesignSettings } from '@/lib/domain/design/model';
import { useCanvas } from '../canvas/canvas-context';
import { lintEnvironment } from '../canvas/findings';
import { SelectField, TextField } from '../inspector/fields';

/** The integrity rule reports format problems; turning it off would only hide them. */
const OPTIONAL_RULES = LINT_RULES.filter((r) => r.id !== 'design-integrity');

/** Design-level settings: the environment lint and plan start with, and the lint rules' own settings. */
export function LintSettingsForm({ design }: { design: DesignDocument }) {
  const editDocument = useCanvas((s) => s.editDocument);
  const settings: DesignSettings = design.settings ?? {};
  const disabled = new Set(settings.lint?.disabledRules ?? []);
  const save = (next: DesignSettings) => editDocument((d) => setDesignSettings(d, next));
  const saveLint = (lint: NonNullable<DesignSettings['lint']>) => save({ ...settings, lint: { ...settings.lint, ...lint } });

  return (
    <section aria-label="Lint and plan" className="space-y-1">
      <h2 className="text-sm font-semibold">Lint and plan</h2>
      <SelectField
        label="Environment"
        value={lintEnvironment(design) ?? ''}
        options={[{ value: '', label: 'Base design and every environment' }, ...design.environments.map((e) => ({ value: e.name, label: `${e.name}${e.production ? ' (production)' : ''}` }))]}
        hint="What the Problems tab lints and what Plan & apply starts with."
        onChange={(name) => save({ ...settings, defaultEnvironment: name || undefined })}
      />
      <NamingPatternField value={settings.lint?.topicNamePattern} onChange={(topicNamePattern) => saveLint({ topicNamePattern })} />
      <fieldset>
        <legend className="label">Rules</legend>
        <ul className="space-y-0.5">
          {OPTIONAL_RULES.map((rule) => (
            <li key={rule.id}>
              <label className="flex items-start gap-2 text-xs">
                <input
                  type="checkbox"
                  className="mt-0.5"
                  checked={!disabled.has(rule.id)}
                  onChange={(e) => saveLint({ disabledRules: OPTIONAL_RULES.map((r) => r.id).filter((id) => (id === rule.id ? !e.target.checked : disabled.has(id))) })}
                />
                <span>
                  {rule.title} <span className="font-mono text-[10px] text-slate-500">{rule.id}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </section>
  );
}

/** Kept as typed; reaches the document only when the pattern is one the naming rule can run. */
function NamingPatternField({ value, onChange }: { value: string | undefined; onChange: (v: string | undefined) => void }) {
  const [state, setState] = useState({ value, text: value ?? '' });
  let current = state;
  if (state.value !== value) {
    current = { value, text: value ?? '' };
    setState(current);
  }
  const problem = (text: string) => {
    if (text === '') return null;
    const parsed = designSettingsSchema.shape.lint.unwrap().shape.topicNamePattern.safeParse(text);
    if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a pattern.';
    const reason = topicNamePatternProblem(text);
    return reason ? `This pattern cannot be used: ${reason}` : null;
  };
  return (
    <TextField
      label="Topic naming pattern"
      value={current.text}
      placeholder={DEFAULT_TOPIC_NAME_PATTERN}
      error={problem(current.text) ?? undefined}
      hint={`A regular expression every topic name must match. Blank: ${DEFAULT_TOPIC_NAME_PATTERN}`}
      onChange={(text) => {
        const ok = problem(text) === null;
        setState({ value: ok ? text || undefined : current.value, text });
        if (ok) onChange(text || undefined);
      }}
    />
  );
}
