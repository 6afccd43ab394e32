'use client';
import { useState } from 'react';
import { alterTopicConfigs } from '@/lib/actions/topics/alter-topic-configs';
import { humanizeConfigValue, topicConfigProblem, topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';
import type { TopicConfigEntry } from '@/lib/domain/topics/topic-model';
import { Button } from '@/components/ui/button';
import { ConfigValueOptions, configValuePlaceholder, configValuesListId } from './config-name-options';
import { configErrorFrom } from './config-errors';
import { FormAlert } from './form-feedback';
import { useTopicAction } from './use-topic-action';

interface Props {
  cluster: string;
  topic: string;
  entry: TopicConfigEntry;
  onDone: (message: string | null) => void;
}

/** Edits one config in place: set a new value, or reset (remove the topic's override). */
export function ConfigEditRow({ cluster, topic, entry, onDone }: Props) {
  const [value, setValue] = useState(entry.value ?? '');
  const { pending, outcome, run } = useTopicAction(alterTopicConfigs);
  const known = topicConfigSpec(entry.name) !== undefined;
  const problem = known ? topicConfigProblem(entry.name, value) : null;
  const unchanged = value.trim() === (entry.value ?? '');
  const error = problem ?? configErrorFrom(outcome, entry.name);
  const id = `config-edit-${entry.name}`;
  const human = humanizeConfigValue(entry.name, value.trim());

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (problem || unchanged) return;
    const v = value.trim();
    run({ cluster, topic, set: { [entry.name]: v } }, () => onDone(`${entry.name} set to ${v}${human ? ` (${human})` : ''}.`));
  };
  const reset = () => run({ cluster, topic, reset: [entry.name] }, () => onDone(`${entry.name} reset: the topic now uses the inherited value.`));

  return (
    <form onSubmit={save} className="space-y-2" aria-label={`Edit ${entry.name}`}>
      {known ? (
        <div className="flex items-center gap-2">
          <label htmlFor={id} className="sr-only">
            New value for {entry.name}
          </label>
          <input
            id={id}
            className="input max-w-64 font-mono"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            list={configValuesListId(entry.name)}
            placeholder={configValuePlaceholder(entry.name)}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && onDone(null)}
          />
          <ConfigValueOptions name={entry.name} />
          {human && <span className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">= {human}</span>}
        </div>
      ) : (
        <p className="text-xs text-slate-600 dark:text-slate-400">The console does not know this config, so it can only remove the override.</p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="field-error">
          {error}
        </p>
      )}
      <FormAlert error={outcome.formError} />
      <div className="flex flex-wrap gap-2">
        {known && (
          <Button type="submit" variant="primary" disabled={pending || !!problem || unchanged}>
            {pending ? 'Saving…' : 'Save'}
          </Button>
        )}
        {entry.source === 'topic' && (
          <Button onClick={reset} disabled={pending} title="Remove the override; the broker or Kafka default applies again">
            Reset to default
          </Button>
        )}
        <Button onClick={() => onDone(null)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
