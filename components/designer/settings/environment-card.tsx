'use client';
import { useMemo } from 'react';
import { replaceEnvironment, removeEnvironment } from '@/lib/domain/design/edit/environments';
import { environmentSchema, type DesignDocument, type Environment, type TopicOverride } from '@/lib/domain/design/model';
import type { DesignProblem } from '@/lib/domain/design/validate';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { CheckboxField, NumberField, TextField } from '../inspector/fields';
import { useElementDraft } from '../inspector/use-element-draft';
import { ConfigOverridesField } from './config-overrides-field';

type Overrides = Record<string, TopicOverride>;

/** Drops unset fields, and the object itself when nothing is left, so the document stays as small as it was. */
function compact<T extends object>(value: T): T | undefined {
  const kept = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? (kept as T) : undefined;
}

/**
 * One environment: its name, whether production rules apply, defaults for every topic and
 * per-topic overrides. The draft is checked with the document's own environment schema (plus a
 * unique name) and reaches the document, as one undo step, only when it passes.
 */
export function EnvironmentCard({ index, environment, design, problems }: { index: number; environment: Environment; design: DesignDocument; problems: DesignProblem[] }) {
  const editDocument = useCanvas((s) => s.editDocument);
  const otherNames = design.environments.filter((_, i) => i !== index).map((e) => e.name);
  const otherKey = otherNames.join(',');
  const schema = useMemo(
    () =>
      environmentSchema.superRefine((env, ctx) => {
        if (otherKey.split(',').includes(env.name)) ctx.addIssue({ code: 'custom', path: ['name'], message: `This design already has an environment "${env.name}"; pick another name.` });
      }),
    [otherKey],
  );
  const { draft, errors, change } = useElementDraft(environment, schema, (value) =>
    editDocument((d) => {
      const r = replaceEnvironment(d, index, value);
      return r.ok ? r.design : d;
    }),
  );

  const defaults = (draft.topicDefaults ?? {}) as NonNullable<Environment['topicDefaults']>;
  const topics = (draft.topics ?? {}) as Overrides;
  const setTopic = (id: string, override: TopicOverride | null) => {
    const next = { ...topics };
    if (override) next[id] = override;
    else delete next[id];
    change({ topics: next });
  };
  const topicName = (id: string) => design.topics.find((t) => t.id === id)?.name ?? id;
  const free = design.topics.filter((t) => !(t.id in topics));
  // Config keys and unknown topics are checked over the whole document (validate.ts), like on load.
  const problemAt = (prefix: string) => problems.find((p) => p.path.slice(2).join('.').startsWith(prefix))?.message;
  const errorAt = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1] ?? problemAt(prefix);

  return (
    <section aria-label={`Environment ${environment.name}`} className="rounded-md border border-slate-200 p-2.5 dark:border-slate-700">
      <div className="mb-1 flex items-center justify-between gap-2">
        <h3 className="font-mono text-sm font-semibold">{environment.name}</h3>
        <Button variant="secondary" onClick={() => editDocument((d) => removeEnvironment(d, environment.name))} aria-label={`Remove environment ${environment.name}`}>
          Remove
        </Button>
      </div>
      <TextField label="Name" value={String(draft.name ?? '')} error={errors.name} onChange={(name) => change({ name })} />
      <CheckboxField label="Production" checked={draft.production === true} onChange={(production) => change({ production })} hint="Production rules apply: replication factor ≥ 3, min.insync.replicas, unclean leader election." />
      <TextField label="Description" value={String(draft.description ?? '')} error={errors.description} onChange={(description) => change({ description })} />

      <h4 className="mt-3 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Every topic</h4>
      <NumberField
        label="Replication factor, every topic"
        value={defaults.replicationFactor}
        error={errorAt('topicDefaults.replicationFactor')}
        hint="Blank: each topic keeps its own."
        onChange={(replicationFactor) => change({ topicDefaults: compact({ ...defaults, replicationFactor }) })}
      />
      <ConfigOverridesField label="Configs, every topic" value={defaults.configs} error={errorAt('topicDefaults.configs')} onChange={(configs) => change({ topicDefaults: compact({ ...defaults, configs }) })} />

      <h4 className="mt-3 mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Per topic</h4>
      {Object.entries(topics).map(([id, override]) => (
        <div key={id} role="group" aria-label={`Override of ${topicName(id)}`} className="mb-2 rounded border border-slate-100 p-2 dark:border-slate-800">
          <div className="mb-1 flex items-center justify-between">
            <span className="font-mono text-xs font-medium">{topicName(id)}</span>
            <button type="button" className="text-xs text-red-700 hover:underline dark:text-red-400" onClick={() => setTopic(id, null)}>
              Remove override
            </button>
          </div>
          {problemAt(`topics.${id}`) && !problemAt(`topics.${id}.`) && <p className="field-error">{problemAt(`topics.${id}`)}</p>}
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="Partitions" value={override.partitions} error={errorAt(`topics.${id}.partitions`)} onChange={(partitions) => setTopic(id, compact({ ...override, partitions }) ?? {})} />
            <NumberField label="Replication factor" value={override.replicationFactor} error={errorAt(`topics.${id}.replicationFactor`)} onChange={(replicationFactor) => setTopic(id, compact({ ...override, replicationFactor }) ?? {})} />
          </div>
          <ConfigOverridesField label="Configs" value={override.configs} error={errorAt(`topics.${id}.configs`)} onChange={(configs) => setTopic(id, compact({ ...override, configs }) ?? {})} />
        </div>
      ))}
      {free.length > 0 ? (
        <label className="block">
          <span className="sr-only">Override a topic in {environment.name}</span>
          <select className="input" value="" onChange={(e) => e.target.value && setTopic(e.target.value, {})} aria-label={`Override a topic in ${environment.name}`}>
            <option value="">Override a topic…</option>
            {free.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        design.topics.length === 0 && <p className="text-xs text-slate-500">The design has no topics yet.</p>
      )}
    </section>
  );
}
