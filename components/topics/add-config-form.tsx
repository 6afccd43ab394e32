'use client';
import { useState } from 'react';
import { alterTopicConfigs } from '@/lib/actions/topics/alter-topic-configs';
import { humanizeConfigValue, topicConfigProblem, topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';
import type { TopicConfigEntry } from '@/lib/domain/topics/topic-model';
import { Button } from '@/components/ui/button';
import { CONFIG_NAMES_LIST_ID, ConfigNameOptions, ConfigValueOptions, configValuePlaceholder, configValuesListId } from './config-name-options';
import { configErrorFrom } from './config-errors';
import { FormAlert } from './form-feedback';
import { useTopicAction } from './use-topic-action';

/** Sets a config that the topic does not override yet (or overrides it again, if the name is taken). */
export function AddConfigForm({ cluster, topic, configs, onDone }: { cluster: string; topic: string; configs: TopicConfigEntry[]; onDone: (message: string | null) => void }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [touched, setTouched] = useState({ key: false, value: false });
  const [submitted, setSubmitted] = useState(false);
  const { pending, outcome, run } = useTopicAction(alterTopicConfigs);

  const name = key.trim();
  const spec = topicConfigSpec(name);
  const nameProblem = name === '' ? 'Enter a config name.' : spec ? null : topicConfigProblem(name, value);
  const valueProblem = spec ? topicConfigProblem(name, value) : null;
  const existing = configs.find((c) => c.name === name && c.source === 'topic');
  const keyError = (submitted || touched.key) && nameProblem ? nameProblem : undefined;
  const valueError = ((submitted || touched.value) && valueProblem) || (nameProblem ? undefined : configErrorFrom(outcome, name));
  const human = spec ? humanizeConfigValue(name, value.trim()) : null;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (nameProblem || valueProblem) return;
    const v = value.trim();
    run({ cluster, topic, set: { [name]: v } }, () => onDone(`${name} set to ${v}${human ? ` (${human})` : ''}.`));
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add config" className="mb-4 rounded-lg border border-sky-200 bg-sky-50/50 p-4 dark:border-sky-900/60 dark:bg-sky-950/20">
      <ConfigNameOptions />
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] gap-3">
        <div>
          <label htmlFor="add-config-name" className="label">
            Config name
          </label>
          <input
            id="add-config-name"
            className="input font-mono"
            list={CONFIG_NAMES_LIST_ID}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. retention.ms"
            value={key}
            aria-invalid={keyError ? true : undefined}
            aria-describedby={keyError ? 'add-config-name-error' : spec ? 'add-config-name-help' : undefined}
            onChange={(e) => setKey(e.target.value)}
            onBlur={() => setTouched((t) => ({ ...t, key: true }))}
          />
          {keyError ? (
            <p id="add-config-name-error" role="alert" className="field-error">
              {keyError}
            </p>
          ) : (
            spec && (
              <p id="add-config-name-help" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                {spec.description}
                {existing && <> Already set on this topic to {existing.value}; saving replaces it.</>}
              </p>
            )
          )}
        </div>
        <div>
          <label htmlFor="add-config-value" className="label">
            Config value
          </label>
          <input
            id="add-config-value"
            className="input font-mono"
            list={spec ? configValuesListId(name) : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={configValuePlaceholder(name)}
            value={value}
            aria-invalid={valueError ? true : undefined}
            aria-describedby={valueError ? 'add-config-value-error' : undefined}
            onChange={(e) => setValue(e.target.value)}
            onBlur={() => setTouched((t) => ({ ...t, value: true }))}
          />
          {spec && <ConfigValueOptions name={name} />}
          {valueError ? (
            <p id="add-config-value-error" role="alert" className="field-error">
              {valueError}
            </p>
          ) : (
            human && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">= {human}</p>
          )}
        </div>
      </div>
      <div className="mt-3">
        <FormAlert error={outcome.formError} />
      </div>
      <div className="mt-3 flex gap-2">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save config'}
        </Button>
        <Button onClick={() => onDone(null)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
