'use client';
import { useState, type FormEvent } from 'react';
import Link from 'next/link';
import { produceMessage } from '@/lib/actions/messages/produce-message';
import type { ProduceEncoding } from '@/lib/domain/messages/produce-input';
import { Button } from '@/components/ui/button';
import { FieldError, FormAlert, SuccessNotice } from '@/components/topics/form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from '@/components/topics/use-topic-action';
import { messagesHref } from './messages-href';

interface Props {
  cluster: string;
  topic: string;
  partitions: number;
  subjects: string[];
  subjectsError?: string;
}

/** One record: key, value (text, JSON, base64 or encoded with a registry schema), headers, partition. */
export function ProduceForm({ cluster, topic, partitions, subjects, subjectsError }: Props) {
  const hydrated = useHydrated();
  const { pending, outcome, run } = useTopicAction(produceMessage);
  const [encoding, setEncoding] = useState<ProduceEncoding>('json');
  const [tombstone, setTombstone] = useState(false);
  const [headers, setHeaders] = useState<{ key: string; value: string }[]>([]);
  const errors = outcome.fieldErrors;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    run(
      {
        cluster,
        topic,
        partition: String(data.get('partition') ?? '') === 'any' ? undefined : Number(data.get('partition')),
        key: String(data.get('key') ?? ''),
        value: tombstone ? null : String(data.get('value') ?? ''),
        encoding,
        subject: encoding === 'schema' ? String(data.get('subject') ?? '') : undefined,
        headers: headers.filter((h) => h.key.trim() !== ''),
      },
      undefined,
      { refresh: false },
    );
  };

  const invalid = (field: string) => (errors[field] ? { 'aria-invalid': true as const, 'aria-describedby': `produce-${field}-error` } : {});
  return (
    <form onSubmit={onSubmit} aria-label="Produce a message" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor="produce-partition" className="label">
            Partition
          </label>
          <select id="produce-partition" name="partition" className="input w-44" defaultValue="any" {...invalid('partition')}>
            <option value="any">By key (default partitioner)</option>
            {Array.from({ length: partitions }, (_, p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          <FieldError id="produce-partition-error" message={errors.partition} />
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="produce-key" className="label">
            Key <span className="font-normal text-slate-500">(text; empty for none)</span>
          </label>
          <input id="produce-key" name="key" className="input font-mono" autoComplete="off" spellCheck={false} {...invalid('key')} />
          <FieldError id="produce-key-error" message={errors.key} />
        </div>
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="produce-encoding" className="label">
            Value is
          </label>
          <select id="produce-encoding" className="input w-56" value={encoding} onChange={(e) => setEncoding(e.target.value as ProduceEncoding)} disabled={tombstone}>
            <option value="json">JSON</option>
            <option value="text">Text (UTF-8)</option>
            <option value="base64">Bytes (base64)</option>
            <option value="schema" disabled={subjects.length === 0}>
              JSON encoded with a registry schema
            </option>
          </select>
        </div>
        {encoding === 'schema' && !tombstone && (
          <div className="min-w-64 flex-1">
            <label htmlFor="produce-subject" className="label">
              Schema subject <span className="font-normal text-slate-500">(latest version)</span>
            </label>
            <select id="produce-subject" name="subject" className="input" defaultValue={subjects.find((s) => s === `${topic}-value`) ?? subjects[0]} {...invalid('subject')}>
              {subjects.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
            <FieldError id="produce-subject-error" message={errors.subject} />
          </div>
        )}
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" checked={tombstone} onChange={(e) => setTombstone(e.target.checked)} /> Tombstone (no value)
        </label>
      </div>
      {subjectsError && <p className="text-xs text-amber-700">Registry subjects could not be listed: {subjectsError}</p>}
      {!tombstone && (
        <div>
          <label htmlFor="produce-value" className="label">
            Value
          </label>
          <textarea id="produce-value" name="value" rows={8} className="input font-mono text-xs" spellCheck={false} placeholder={encoding === 'json' || encoding === 'schema' ? '{ "id": "o-1", "status": "PAID" }' : ''} {...invalid('value')} />
          <FieldError id="produce-value-error" message={errors.value} />
        </div>
      )}
      <fieldset>
        <legend className="label">Headers</legend>
        <div className="space-y-2">
          {headers.map((h, i) => (
            <div key={i} className="flex gap-2">
              <input aria-label={`Header ${i + 1} name`} className="input w-56 font-mono text-xs" value={h.key} onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
              <input aria-label={`Header ${i + 1} value`} className="input font-mono text-xs" value={h.value} onChange={(e) => setHeaders(headers.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
              <Button onClick={() => setHeaders(headers.filter((_, j) => j !== i))} aria-label={`Remove header ${i + 1}`}>
                ×
              </Button>
            </div>
          ))}
          <Button onClick={() => setHeaders([...headers, { key: '', value: '' }])}>+ Add header</Button>
        </div>
        <FieldError id="produce-headers-error" message={Object.entries(errors).find(([k]) => k.startsWith('headers'))?.[1]} />
      </fieldset>
      <FormAlert error={outcome.formError} />
      {outcome.data && (
        <SuccessNotice>
          Sent to partition {outcome.data.partition} at offset {outcome.data.offset}
          {outcome.data.schemaId !== undefined && <> with schema {outcome.data.schemaId}</>}.{' '}
          <Link className="underline" href={messagesHref(cluster, topic, { partition: outcome.data.partition, from: 'offset', offset: outcome.data.offset, limit: 1 })}>
            View it
          </Link>
        </SuccessNotice>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!hydrated || pending}>
          {pending ? 'Sending…' : 'Produce message'}
        </Button>
      </div>
      <p className="text-xs text-slate-500">Sent with an idempotent producer and acks=all: the broker confirms the write to all in-sync replicas.</p>
    </form>
  );
}
