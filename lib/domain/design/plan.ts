import { topicConfigSpec } from '../topics/topic-config-catalog';
import { isInternalTopic } from '../topics/topic-name';
import { resolveEnvironment } from './environment';
import type { LiveState, LiveSubject, LiveTopic } from './live-state';
import type { CompatibilityLevel, DesignDocument, EventSchema, SchemaFormat, Topic } from './model';

interface StepBase {
  /** Stable across runs ("create-topic:orders"): the UI selects destructive steps by it and the executor reports by it. */
  id: string;
  description: string;
  /** The design element the step comes from; null for topics that are only in the cluster. */
  elementId: string | null;
  /** Steps that must succeed first. */
  dependsOn: string[];
  /** Loses data or settings; planned only when chosen by id. */
  destructive: boolean;
}

export interface ConfigChange {
  key: string;
  /** Null when the topic has no override for the key (the broker default applies). */
  from: string | null;
  to: string;
}

export type PlanStep =
  | (StepBase & { kind: 'create-topic'; topic: string; partitions: number; replicationFactor: number; configs: Record<string, string> })
  | (StepBase & { kind: 'add-partitions'; topic: string; from: number; to: number })
  /** `set` holds only the keys that change; with the legacy AlterConfigs API the adapter merges them into the topic's current overrides (topic-model.ts). */
  | (StepBase & { kind: 'alter-configs'; topic: string; set: Record<string, string>; changes: ConfigChange[] })
  | (StepBase & { kind: 'reset-config'; topic: string; key: string; from: string })
  | (StepBase & { kind: 'set-compatibility'; subject: string; from: CompatibilityLevel | null; to: CompatibilityLevel })
  | (StepBase & { kind: 'register-schema'; subject: string; format: SchemaFormat; definition: string; references: EventSchema['references'] })
  | (StepBase & { kind: 'delete-topic'; topic: string });

export type PlanStepKind = PlanStep['kind'];

/** A difference the plan cannot close, and what a person would have to do instead. */
export interface ImpossibleChange {
  id: string;
  elementId: string;
  message: string;
  fix: string;
}

export interface Plan {
  environment: string | null;
  /** In execution order; every step's dependencies come before it. */
  steps: PlanStep[];
  /** Destructive changes found but not chosen: shown to the user, never applied. */
  withheld: PlanStep[];
  impossible: ImpossibleChange[];
}

export interface PlanOptions {
  environment?: string | null;
  /** Ids of destructive steps (from a previous plan's `withheld`) to include. */
  include?: readonly string[];
}

/**
 * Execution order: topics exist and have their shape before schemas are attached to them (with
 * the default TopicNameStrategy a subject belongs to a topic, and a failed topic creation should not
 * leave an orphan subject); compatibility is set before registering so the new version is judged by
 * the level the design asks for; deletions come last, after everything that might still read them.
 */
const PHASES: readonly PlanStepKind[] = ['create-topic', 'add-partitions', 'alter-configs', 'reset-config', 'set-compatibility', 'register-schema', 'delete-topic'];

/**
 * Compares the design (as one environment sees it) with the cluster and registry, and lists what to
 * do. Only what the design states is compared: configs it does not set are not touched, subjects it
 * does not describe are not touched. Applying `steps` and planning again against the result yields
 * no steps (see simulate-apply.ts and plan.test.ts).
 */
export function planChanges(design: DesignDocument, live: LiveState, options: PlanOptions = {}): Plan {
  const { design: resolved, environment } = resolveEnvironment(design, options.environment);
  const include = new Set(options.include ?? []);
  const liveTopics = new Map(live.topics.map((t) => [t.name, t]));
  const liveSubjects = new Map(live.subjects.map((s) => [s.subject, s]));
  const steps: PlanStep[] = [];
  const impossible: ImpossibleChange[] = [];

  const topics = firstByKey(resolved.topics, (t) => t.name);
  for (const topic of topics) {
    const current = liveTopics.get(topic.name);
    if (current) steps.push(...topicChanges(topic, current, impossible));
    else if (live.brokerCount !== undefined && topic.replicationFactor > live.brokerCount) {
      impossible.push({
        id: `impossible:brokers:${topic.name}`,
        elementId: topic.id,
        message: `Topic "${topic.name}" needs ${topic.replicationFactor} replicas but the cluster has ${live.brokerCount} broker${live.brokerCount === 1 ? '' : 's'}.`,
        fix: `Lower the replication factor of "${topic.name}" for this environment, or add brokers.`,
      });
    } else steps.push(createTopic(topic));
  }

  const created = new Map(steps.filter((s) => s.kind === 'create-topic').map((s) => [s.topic, s.id]));
  const schemas = orderByReferences(firstByKey(resolved.schemas, (s) => s.subject));
  const subjectsInDesign = new Set(schemas.map((s) => s.subject));
  for (const schema of schemas) {
    // A topic created in this plan must exist before the subjects it uses (see PHASES).
    const topicSteps = topics
      .filter((t) => t.valueSchemaId === schema.id || t.key?.schemaId === schema.id)
      .flatMap((t) => (created.has(t.name) ? [created.get(t.name)!] : []));
    steps.push(...schemaChanges(schema, liveSubjects.get(schema.subject), topicSteps, subjectsInDesign));
  }

  const designed = new Set(topics.map((t) => t.name));
  for (const t of live.topics) {
    if (designed.has(t.name) || isInternalTopic(t.name)) continue;
    steps.push({
      kind: 'delete-topic',
      id: `delete-topic:${t.name}`,
      description: `Delete topic "${t.name}" and all its records: it is not in the design.`,
      elementId: null,
      dependsOn: [],
      destructive: true,
      topic: t.name,
    });
  }

  const chosen = steps.filter((s) => !s.destructive || include.has(s.id));
  const ids = new Set(chosen.map((s) => s.id));
  for (const s of chosen) s.dependsOn = s.dependsOn.filter((d) => ids.has(d));
  return {
    environment: environment?.name ?? null,
    steps: sortByPhase(chosen),
    withheld: steps.filter((s) => s.destructive && !include.has(s.id)),
    impossible,
  };
}

function createTopic(topic: Topic): PlanStep {
  const configs = Object.entries(topic.configs);
  const listed = configs.length ? ` and ${configs.map(([k, v]) => `${k}=${v}`).join(', ')}` : '';
  return {
    kind: 'create-topic',
    id: `create-topic:${topic.name}`,
    description: `Create topic "${topic.name}" with ${topic.partitions} partition${topic.partitions === 1 ? '' : 's'}, replication factor ${topic.replicationFactor}${listed}.`,
    elementId: topic.id,
    dependsOn: [],
    destructive: false,
    topic: topic.name,
    partitions: topic.partitions,
    replicationFactor: topic.replicationFactor,
    configs: { ...topic.configs },
  };
}

function topicChanges(topic: Topic, current: LiveTopic, impossible: ImpossibleChange[]): PlanStep[] {
  const steps: PlanStep[] = [];
  if (topic.partitions > current.partitions) {
    steps.push({
      kind: 'add-partitions',
      id: `add-partitions:${topic.name}`,
      description: `Add partitions to "${topic.name}": ${current.partitions} → ${topic.partitions}.${topic.key ? ' The topic is keyed: new records of a key may go to a different partition than its older ones.' : ''}`,
      elementId: topic.id,
      dependsOn: [],
      destructive: false,
      topic: topic.name,
      from: current.partitions,
      to: topic.partitions,
    });
  } else if (topic.partitions < current.partitions) {
    impossible.push({
      id: `impossible:partitions:${topic.name}`,
      elementId: topic.id,
      message: `Topic "${topic.name}" has ${current.partitions} partitions and the design asks for ${topic.partitions}; partitions can only grow.`,
      fix: `Set ${current.partitions} partitions in the design, or create a new topic with ${topic.partitions} partitions and migrate to it.`,
    });
  }
  if (topic.replicationFactor !== current.replicationFactor) {
    impossible.push({
      id: `impossible:replication-factor:${topic.name}`,
      elementId: topic.id,
      message: `Topic "${topic.name}" has replication factor ${current.replicationFactor} and the design asks for ${topic.replicationFactor}; changing it needs a partition reassignment, which this plan does not do.`,
      fix: `Reassign the partitions of "${topic.name}" (kafka-reassign-partitions.sh or Cruise Control), or set replication factor ${current.replicationFactor} in the design.`,
    });
  }

  const changes: ConfigChange[] = Object.entries(topic.configs)
    .filter(([key, value]) => !sameConfigValue(key, current.configs[key], value))
    .map(([key, value]) => ({ key, from: current.configs[key] ?? null, to: value }));
  if (changes.length > 0) {
    steps.push({
      kind: 'alter-configs',
      id: `alter-configs:${topic.name}`,
      description: `Change configs of "${topic.name}": ${changes.map((c) => `${c.key} ${c.from ?? '(default)'} → ${c.to}`).join('; ')}.`,
      elementId: topic.id,
      dependsOn: [],
      destructive: false,
      topic: topic.name,
      set: Object.fromEntries(changes.map((c) => [c.key, c.to])),
      changes,
    });
  }
  for (const [key, value] of Object.entries(current.configs)) {
    if (Object.hasOwn(topic.configs, key)) continue;
    steps.push({
      kind: 'reset-config',
      id: `reset-config:${topic.name}:${key}`,
      description: `Reset ${key} of "${topic.name}" to the broker default (now ${value}): the design does not set it.`,
      elementId: topic.id,
      dependsOn: [],
      destructive: true,
      topic: topic.name,
      key,
      from: value,
    });
  }
  return steps;
}

function schemaChanges(schema: EventSchema, current: LiveSubject | undefined, topicSteps: string[], subjectsInDesign: ReadonlySet<string>): PlanStep[] {
  const steps: PlanStep[] = [];
  const compatibilityId = `set-compatibility:${schema.subject}`;
  if (schema.compatibility && schema.compatibility !== current?.compatibility) {
    steps.push({
      kind: 'set-compatibility',
      id: compatibilityId,
      description: `Set compatibility of subject "${schema.subject}" to ${schema.compatibility} (now ${current?.compatibility ?? 'the registry default'}).`,
      elementId: schema.id,
      dependsOn: topicSteps,
      destructive: false,
      subject: schema.subject,
      from: current?.compatibility ?? null,
      to: schema.compatibility,
    });
  }
  const latest = current?.latest ?? null;
  if (!latest || latest.format !== schema.format || !sameDefinition(schema.format, latest.definition, schema.definition)) {
    const references = schema.references.filter((r) => subjectsInDesign.has(r.subject)).map((r) => `register-schema:${r.subject}`);
    steps.push({
      kind: 'register-schema',
      id: `register-schema:${schema.subject}`,
      description: latest
        ? `Register a new version of subject "${schema.subject}" after version ${latest.version}${latest.format === schema.format ? '' : `, changing its format from ${FORMAT_LABEL[latest.format]} to ${FORMAT_LABEL[schema.format]}`}.`
        : `Register the ${FORMAT_LABEL[schema.format]} schema of subject "${schema.subject}" (first version).`,
      elementId: schema.id,
      dependsOn: [...topicSteps, ...(steps.length ? [compatibilityId] : []), ...references],
      destructive: false,
      subject: schema.subject,
      format: schema.format,
      definition: schema.definition,
      references: schema.references.map((r) => ({ ...r })),
    });
  }
  return steps;
}

const FORMAT_LABEL: Record<SchemaFormat, string> = { AVRO: 'Avro', JSON: 'JSON Schema', PROTOBUF: 'Protobuf' };

/** Kafka echoes list values as given ("compact,delete" vs "delete, compact") and doubles may be written differently. */
export function sameConfigValue(key: string, current: string | undefined, wanted: string): boolean {
  if (current === undefined) return false;
  const type = topicConfigSpec(key)?.type;
  if (type === 'list') return normaliseList(current) === normaliseList(wanted);
  if (type === 'double' || type === 'int' || type === 'long') return current.trim() !== '' && Number(current) === Number(wanted);
  return current.trim() === wanted.trim();
}

function normaliseList(value: string): string {
  return [...new Set(value.split(',').map((v) => v.trim()).filter(Boolean))].sort().join(',');
}

/**
 * Whether the registry already holds this definition. Avro and JSON Schema compare as parsed JSON
 * with sorted keys (formatting and key order carry no meaning; array order, such as Avro field
 * order, does); Protobuf compares with whitespace collapsed. Close to, not the same as, the
 * registry's own normalisation: a false "differs" costs one no-op registration, which the registry
 * answers with the existing version.
 */
export function sameDefinition(format: SchemaFormat, a: string, b: string): boolean {
  if (format === 'PROTOBUF') return collapse(a) === collapse(b);
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  return ca !== null && cb !== null ? ca === cb : a.trim() === b.trim();
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function canonicalJson(s: string): string | null {
  try {
    return JSON.stringify(sortKeys(JSON.parse(s)));
  } catch {
    return null;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Duplicates are a design problem (validate.ts); planning uses the first, so a broken design still plans deterministically. */
function firstByKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Referenced subjects register before the schemas that import them; design order otherwise. */
function orderByReferences(schemas: readonly EventSchema[]): EventSchema[] {
  const bySubject = new Map(schemas.map((s) => [s.subject, s]));
  const ordered: EventSchema[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: EventSchema) => {
    if (state.has(s.subject)) return; // done, or a reference cycle the registry will reject anyway
    state.set(s.subject, 'visiting');
    for (const r of s.references) {
      const target = bySubject.get(r.subject);
      if (target) visit(target);
    }
    state.set(s.subject, 'done');
    ordered.push(s);
  };
  schemas.forEach(visit);
  return ordered;
}

function sortByPhase(steps: readonly PlanStep[]): PlanStep[] {
  return steps
    .map((step, i) => ({ step, i }))
    .sort((a, b) => PHASES.indexOf(a.step.kind) - PHASES.indexOf(b.step.kind) || a.i - b.i)
    .map((x) => x.step);
}
