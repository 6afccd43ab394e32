'use client';
import {
  ACKS,
  COMPATIBILITY_LEVELS,
  connectorSchema,
  consumesEdgeSchema,
  DELIVERY_SEMANTICS,
  eventSchemaSchema,
  ISOLATION_LEVELS,
  noteSchema,
  producesEdgeSchema,
  SCHEMA_FORMATS,
  SERVICE_LANGUAGES,
  SERVICE_ROLES,
  serviceSchema,
  TOPIC_KINDS,
  topicSchema,
  type Connector,
  type ConsumesEdge,
  type DesignDocument,
  type EventSchema,
  type Note,
  type ProducesEdge,
  type RetryPolicy,
  type Service,
  type Topic,
} from '@/lib/domain/design/model';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { CheckboxField, configsToText, NumberField, SelectField, TextAreaField, TextField, textToConfigs } from './fields';
import { useElementDraft } from './use-element-draft';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

export function ServiceForm({ service }: { service: Service }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(service, serviceSchema, (value) => update({ kind: 'service', value }));
  return (
    <>
      <TextField label="Name" value={str(draft.name)} error={errors.name} onChange={(name) => change({ name })} />
      <SelectField label="Role" value={str(draft.role) as Service['role']} options={SERVICE_ROLES} error={errors.role} onChange={(role) => change({ role })} />
      <SelectField label="Language" value={str(draft.language) as Service['language'] & string} options={['', ...SERVICE_LANGUAGES] as const} onChange={(language) => change({ language })} />
      <TextField label="Owner" value={str(draft.owner)} error={errors.owner} onChange={(owner) => change({ owner })} placeholder="team-payments" />
      <TextAreaField label="Description" value={str(draft.description)} error={errors.description} onChange={(description) => change({ description })} />
    </>
  );
}

export function TopicForm({ topic, design }: { topic: Topic; design: DesignDocument }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(topic, topicSchema, (value) => update({ kind: 'topic', value }));
  const key = draft.key as Topic['key'];
  const kind = str(draft.kind) as Topic['kind'];
  const otherTopics = design.topics.filter((t) => t.id !== topic.id && t.kind === 'events');
  return (
    <>
      <TextField label="Topic name" value={str(draft.name)} error={errors.name} onChange={(name) => change({ name })} />
      <SelectField label="Kind" value={kind} options={TOPIC_KINDS} error={errors.kind} onChange={(k) => change({ kind: k, ...(k === 'events' ? { sourceTopicId: undefined, retryDelayMs: undefined } : {}) })} />
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="Partitions" value={num(draft.partitions)} error={errors.partitions} onChange={(partitions) => change({ partitions })} />
        <NumberField label="Replication factor" value={num(draft.replicationFactor)} error={errors.replicationFactor} onChange={(replicationFactor) => change({ replicationFactor })} />
      </div>
      {kind !== 'events' && (
        <SelectField
          label="Source topic"
          value={str(draft.sourceTopicId)}
          options={[{ value: '', label: '—' }, ...otherTopics.map((t) => ({ value: t.id, label: t.name }))]}
          error={errors.sourceTopicId}
          onChange={(sourceTopicId) => change({ sourceTopicId })}
        />
      )}
      {kind === 'retry' && <NumberField label="Retry delay (ms)" value={num(draft.retryDelayMs)} error={errors.retryDelayMs} onChange={(retryDelayMs) => change({ retryDelayMs })} />}
      <TextAreaField
        label="Configs (key=value per line)"
        value={configsToText((draft.configs as Record<string, string>) ?? {})}
        error={Object.entries(errors).find(([k]) => k.startsWith('configs'))?.[1]}
        onChange={(text) => change({ configs: textToConfigs(text) })}
        hint="Only these keys are planned; others stay as the cluster has them."
      />
      <TextField
        label="Key meaning"
        value={key?.meaning ?? ''}
        error={errors['key.meaning']}
        placeholder="orderId: events of one order stay in order"
        onChange={(meaning) => change({ key: meaning ? { ...(key ?? {}), meaning } : undefined })}
        hint="Empty: records carry no meaningful key."
      />
      <SelectField
        label="Value schema"
        value={str(draft.valueSchemaId)}
        options={[{ value: '', label: '— none —' }, ...design.schemas.map((s) => ({ value: s.id, label: s.subject }))]}
        onChange={(valueSchemaId) => change({ valueSchemaId })}
      />
      <TextField label="Owner" value={str(draft.owner)} error={errors.owner} onChange={(owner) => change({ owner })} />
      <TextAreaField label="Description" value={str(draft.description)} error={errors.description} onChange={(description) => change({ description })} />
    </>
  );
}

export function SchemaForm({ schema }: { schema: EventSchema }) {
  const update = useCanvas((s) => s.update);
  const openEditor = useCanvas((s) => s.openSchemaEditor);
  const { draft, errors, change } = useElementDraft(schema, eventSchemaSchema, (value) => update({ kind: 'schema', value }));
  return (
    <>
      <TextField label="Subject" value={str(draft.subject)} error={errors.subject} onChange={(subject) => change({ subject })} hint="TopicNameStrategy: <topic>-value" />
      <SelectField label="Format" value={str(draft.format) as EventSchema['format']} options={SCHEMA_FORMATS} onChange={(format) => change({ format })} />
      <SelectField
        label="Compatibility"
        value={str(draft.compatibility) as EventSchema['compatibility'] & string}
        options={[{ value: '', label: '— registry default —' }, ...COMPATIBILITY_LEVELS.map((l) => ({ value: l, label: l }))]}
        onChange={(compatibility) => change({ compatibility })}
      />
      <Button variant="primary" className="mb-3 w-full" onClick={() => openEditor(schema.id)}>
        Edit schema definition…
      </Button>
      <TextAreaField label="Description" value={str(draft.description)} error={errors.description} onChange={(description) => change({ description })} />
    </>
  );
}

export function ConnectorForm({ connector }: { connector: Connector }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(connector, connectorSchema, (value) => update({ kind: 'connector', value }));
  return (
    <>
      <TextField label="Name" value={str(draft.name)} error={errors.name} onChange={(name) => change({ name })} />
      <SelectField label="Direction" value={str(draft.direction) as Connector['direction']} options={['source', 'sink'] as const} onChange={(direction) => change({ direction })} />
      <TextField label="connector.class" value={str(draft.connectorClass)} error={errors.connectorClass} onChange={(connectorClass) => change({ connectorClass })} />
      <TextAreaField
        label="Config (key=value per line)"
        value={configsToText((draft.config as Record<string, string>) ?? {})}
        onChange={(text) => change({ config: textToConfigs(text) })}
        hint="Documentation only; secrets belong in config providers (${file:…})."
      />
    </>
  );
}

export function NoteForm({ note, design }: { note: Note; design: DesignDocument }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(note, noteSchema, (value) => update({ kind: 'note', value }));
  const targets = [...design.services.map((s) => ({ value: s.id, label: `service ${s.name}` })), ...design.topics.map((t) => ({ value: t.id, label: `topic ${t.name}` })), ...design.edges.map((e) => ({ value: e.id, label: `edge ${e.id}` }))];
  return (
    <>
      <TextAreaField label="Text" rows={5} value={str(draft.text)} error={errors.text} onChange={(text) => change({ text })} />
      <SelectField label="Attached to" value={str(draft.attachedTo)} options={[{ value: '', label: '— nothing —' }, ...targets]} onChange={(attachedTo) => change({ attachedTo })} />
    </>
  );
}

export function ProducesForm({ edge }: { edge: ProducesEdge }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(edge, producesEdgeSchema, (value) => update({ kind: 'edge', value }));
  return (
    <>
      <SelectField label="Delivery" value={str(draft.delivery) as ProducesEdge['delivery']} options={DELIVERY_SEMANTICS} error={errors.delivery} onChange={(delivery) => change({ delivery })} />
      <SelectField label="acks" value={str(draft.acks) as ProducesEdge['acks']} options={ACKS} onChange={(acks) => change({ acks })} />
      <CheckboxField label="Idempotent producer (enable.idempotence)" checked={draft.idempotence === true} onChange={(idempotence) => change({ idempotence })} />
      <CheckboxField label="Transactional (transactional.id)" checked={draft.transactional === true} onChange={(transactional) => change({ transactional })} />
      <TextAreaField label="Description" value={str(draft.description)} onChange={(description) => change({ description })} />
    </>
  );
}

export function ConsumesForm({ edge, design }: { edge: ConsumesEdge; design: DesignDocument }) {
  const update = useCanvas((s) => s.update);
  const { draft, errors, change } = useElementDraft(edge, consumesEdgeSchema, (value) => update({ kind: 'edge', value }));
  const retry = draft.retry as RetryPolicy | undefined;
  const setRetry = (patch: Partial<RetryPolicy> | null) => change({ retry: patch === null ? undefined : { maxAttempts: 3, backoffMs: 1000, backoffMultiplier: 1, retryTopicIds: [], ...(retry ?? {}), ...patch } });
  const retryTopics = design.topics.filter((t) => t.kind === 'retry');
  const dlqs = design.topics.filter((t) => t.kind === 'dlq');
  return (
    <>
      <TextField label="Consumer group" value={str(draft.consumerGroup)} error={errors.consumerGroup} onChange={(consumerGroup) => change({ consumerGroup })} />
      <SelectField label="Delivery" value={str(draft.delivery) as ConsumesEdge['delivery']} options={DELIVERY_SEMANTICS} onChange={(delivery) => change({ delivery })} />
      <SelectField label="isolation.level" value={str(draft.isolationLevel) as ConsumesEdge['isolationLevel']} options={ISOLATION_LEVELS} onChange={(isolationLevel) => change({ isolationLevel })} />
      <NumberField label="Parallelism (instances × threads)" value={num(draft.parallelism)} error={errors.parallelism} onChange={(parallelism) => change({ parallelism })} />
      <CheckboxField label="Retries" checked={retry !== undefined} onChange={(on) => setRetry(on ? {} : null)} />
      {retry && (
        <div className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <div className="grid grid-cols-2 gap-2">
            <NumberField label="Max attempts" value={retry.maxAttempts} error={errors['retry.maxAttempts']} onChange={(maxAttempts) => setRetry({ maxAttempts: maxAttempts ?? 1 })} />
            <NumberField label="Backoff (ms)" value={retry.backoffMs} error={errors['retry.backoffMs']} onChange={(backoffMs) => setRetry({ backoffMs: backoffMs ?? 0 })} />
          </div>
          <p className="label">Retry topics, in order</p>
          {retryTopics.length === 0 && <p className="mb-2 text-xs text-slate-500">No retry topics in the design: retries block the partition.</p>}
          {retryTopics.map((t) => (
            <CheckboxField
              key={t.id}
              label={t.name}
              checked={retry.retryTopicIds.includes(t.id)}
              onChange={(on) => setRetry({ retryTopicIds: on ? [...retry.retryTopicIds, t.id] : retry.retryTopicIds.filter((id) => id !== t.id) })}
            />
          ))}
          <SelectField
            label="Dead-letter topic"
            value={retry.dlqTopicId ?? ''}
            options={[{ value: '', label: '— none —' }, ...dlqs.map((t) => ({ value: t.id, label: t.name }))]}
            onChange={(dlqTopicId) => setRetry({ dlqTopicId: dlqTopicId || undefined })}
          />
        </div>
      )}
      <TextAreaField label="Description" value={str(draft.description)} onChange={(description) => change({ description })} />
    </>
  );
}
