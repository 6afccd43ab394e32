'use client';
import { useMemo, useRef, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { createTopic } from '@/lib/actions/topics/create-topic';
import { TOPIC_NAME_MAX_LENGTH } from '@/lib/domain/topics/topic-name';
import { Button, buttonClass } from '@/components/ui/button';
import { ConfigRowsEditor } from './config-rows-editor';
import { checkCreateTopic, placeErrors, rowIndexByKey, type ConfigRow, type CreateTopicValues, type RowErrors } from './create-topic-validation';
import { FieldError, FormAlert } from './form-feedback';
import { topicHref } from './topic-list-href';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from './use-topic-action';

type Field = 'name' | 'partitions' | 'replicationFactor';

export function CreateTopicForm({ cluster, brokerCount, defaultReplicationFactor }: { cluster: string; brokerCount: number | null; defaultReplicationFactor: number }) {
  const router = useRouter();
  const [values, setValues] = useState<CreateTopicValues>({ name: '', partitions: '1', replicationFactor: String(defaultReplicationFactor), configs: [] });
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  // Server answers stay on screen until the field they are about changes.
  const [editedSinceSubmit, setEditedSinceSubmit] = useState<Set<string>>(new Set());
  const { pending, outcome, run } = useTopicAction(createTopic);
  const formRef = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();

  const check = useMemo(() => checkCreateTopic(cluster, values, brokerCount), [cluster, values, brokerCount]);

  const shown = useMemo(() => {
    const fields: Record<string, string> = {};
    const rows: Record<number, RowErrors> = {};
    const serverFields: Record<string, string> = {};
    const serverRows: Record<number, RowErrors> = {};
    const fresh = Object.fromEntries(Object.entries(outcome.fieldErrors).filter(([k]) => !editedSinceSubmit.has(k)));
    placeErrors(fresh, serverFields, serverRows, rowIndexByKey(values.configs));
    for (const [k, m] of Object.entries(check.fields)) if (submitted || touched.has(k)) fields[k] = m;
    for (const [id, e] of Object.entries(check.rows)) {
      const key = submitted || touched.has(`row-${id}-key`) ? e.key : undefined;
      const value = submitted || touched.has(`row-${id}-value`) ? e.value : undefined;
      if (key || value) rows[Number(id)] = { key, value };
    }
    for (const [k, m] of Object.entries(serverFields)) fields[k] ??= m;
    for (const [id, e] of Object.entries(serverRows)) rows[Number(id)] = { key: rows[Number(id)]?.key ?? e.key, value: rows[Number(id)]?.value ?? e.value };
    return { fields, rows };
  }, [check, outcome.fieldErrors, editedSinceSubmit, submitted, touched, values.configs]);

  const touch = (key: string) => setTouched((t) => (t.has(key) ? t : new Set(t).add(key)));
  const markEdited = (...keys: string[]) => setEditedSinceSubmit((s) => new Set([...s, ...keys]));

  const setField = (field: Field, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    touch(field);
    markEdited(field);
  };
  const setConfigs = (configs: ConfigRow[]) => {
    setValues((v) => ({ ...v, configs }));
    markEdited(...values.configs.map((r) => `configs.${r.key.trim()}`), ...configs.map((r) => `configs.${r.key.trim()}`));
  };

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!check.input) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const input = check.input;
    setEditedSinceSubmit(new Set());
    run(input, () => router.push(topicHref(cluster, input.name, { created: '1' })), { refresh: false });
  };

  const fieldProps = (field: Field, id: string, hintId?: string) => ({
    id,
    name: field,
    'aria-invalid': shown.fields[field] ? true : undefined,
    'aria-describedby': [shown.fields[field] ? `${id}-error` : null, hintId].filter(Boolean).join(' ') || undefined,
    // Blurring an empty field says nothing yet (it would shift the layout under the pointer); typing or submitting does.
    onBlur: () => values[field].trim() !== '' && touch(field),
    readOnly: !hydrated,
  });

  const rf = Number(values.replicationFactor);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="max-w-3xl space-y-6" aria-label="Create topic">
      <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <div>
          <label htmlFor="topic-name" className="label">
            Topic name
          </label>
          <input
            {...fieldProps('name', 'topic-name', 'topic-name-hint')}
            className="input font-mono"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            placeholder="e.g. orders.created"
            value={values.name}
            onChange={(e) => setField('name', e.target.value)}
          />
          <FieldError id="topic-name-error" message={shown.fields.name} />
          <p id="topic-name-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            Letters, digits, &ldquo;.&rdquo;, &ldquo;_&rdquo; and &ldquo;-&rdquo;; at most {TOPIC_NAME_MAX_LENGTH} characters. Avoid mixing &ldquo;.&rdquo; and &ldquo;_&rdquo;: Kafka&rsquo;s
            metric names treat them alike. {values.name.length > 200 && <span className="tabular-nums">({values.name.length} characters)</span>}
          </p>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <div>
            <label htmlFor="topic-partitions" className="label">
              Partitions
            </label>
            <input
              {...fieldProps('partitions', 'topic-partitions', 'topic-partitions-hint')}
              type="number"
              inputMode="numeric"
              min={1}
              className="input tabular-nums"
              value={values.partitions}
              onChange={(e) => setField('partitions', e.target.value)}
            />
            <FieldError id="topic-partitions-error" message={shown.fields.partitions} />
            <p id="topic-partitions-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              The unit of parallelism: at most one consumer per group reads each partition. Partitions can be added later, never removed.
            </p>
          </div>
          <div>
            <label htmlFor="topic-rf" className="label">
              Replication factor
            </label>
            <input
              {...fieldProps('replicationFactor', 'topic-rf', 'topic-rf-hint')}
              type="number"
              inputMode="numeric"
              min={1}
              max={brokerCount ?? undefined}
              className="input tabular-nums"
              value={values.replicationFactor}
              onChange={(e) => setField('replicationFactor', e.target.value)}
            />
            <FieldError id="topic-rf-error" message={shown.fields.replicationFactor} />
            <p id="topic-rf-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {brokerCount === null ? 'Copies of each partition; the broker count is unknown right now.' : `Copies of each partition, on different brokers. This cluster has ${brokerCount} broker${brokerCount === 1 ? '' : 's'}.`}
              {rf === 1 && brokerCount !== null && brokerCount > 1 && ' With 1, losing a single broker loses data.'}
            </p>
          </div>
        </div>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <ConfigRowsEditor disabled={!hydrated} rows={values.configs} errors={shown.rows} onChange={setConfigs} onTouch={(id, slot) => touch(`row-${id}-${slot}`)} />
      </section>

      <FormAlert error={outcome.formError ?? shown.fields.form} title={outcome.formError ? undefined : 'The topic was not created'} />

      <div className="flex items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending || !hydrated}>
          {pending ? 'Creating…' : 'Create topic'}
        </Button>
        <Link href={`/clusters/${cluster}/topics`} className={buttonClass()}>
          Cancel
        </Link>
        {submitted && !check.input && !pending && (
          <p className="text-sm text-red-600 dark:text-red-400">Fix the fields marked above first.</p>
        )}
      </div>
    </form>
  );
}
