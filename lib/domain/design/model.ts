import { z } from 'zod';
import { TOPIC_NAME_MAX_LENGTH, topicNameProblem } from '../topics/topic-name';

/**
 * The design document, version 1: what the visual designer saves and what lint, plan and the graph
 * builder read. This zod schema is the single source: `schemas/design.v1.schema.json` is generated
 * from it with `z.toJSONSchema` (see design-json-schema.ts) and a test fails when the checked-in file
 * drifts, so the published contract and the parser cannot disagree by construction; a second test
 * runs ajv over the published file to prove it, on the templates and on invalid documents.
 *
 * Only structural rules live here, because JSON Schema can carry exactly those (zod drops
 * refinements when it emits JSON Schema). Rules that need the whole document (references resolve,
 * ids are unique, configs are known to Kafka) are in validate.ts.
 *
 * Objects are strict: a hand-edited "replicationfactor" should fail loudly rather than vanish, and
 * the explicit `version` is how we evolve the format (migrate.ts), not tolerance of unknown keys.
 */
export const DESIGN_VERSION = 1 as const;

/** Ids are stable across renames (layout and findings key on them) and never contain ":", which the graph keeps for derived ids. */
export const ELEMENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** Kafka's legal topic names (topic-name.ts) as a pattern JSON Schema can carry; a test keeps the two in step. */
export const TOPIC_NAME_PATTERN = /^(?!\.{1,2}$)[a-zA-Z0-9._-]+$/;
export const ENVIRONMENT_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export const SERVICE_ROLES = ['producer', 'consumer', 'both'] as const;
export const SERVICE_LANGUAGES = ['java', 'kotlin', 'scala', 'python', 'go', 'typescript', 'javascript', 'csharp', 'rust', 'other'] as const;
/** `retry` and `dlq` topics hold records of a source topic that a consumer could not process yet / at all. */
export const TOPIC_KINDS = ['events', 'retry', 'dlq'] as const;
/** The registry's own spelling of schema types. */
export const SCHEMA_FORMATS = ['AVRO', 'JSON', 'PROTOBUF'] as const;
export const COMPATIBILITY_LEVELS = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'] as const;
export const DELIVERY_SEMANTICS = ['at-most-once', 'at-least-once', 'exactly-once'] as const;
export const ACKS = ['all', '1', '0'] as const;
export const ISOLATION_LEVELS = ['read_uncommitted', 'read_committed'] as const;

const elementId = z.string().max(128).regex(ELEMENT_ID_PATTERN, 'Ids use letters, digits, ".", "_" and "-", and start with a letter or digit.');
const label = z.string().min(1).max(200);
const text = z.string().max(10_000);
const topicNameMessage = { error: (issue: { input?: unknown }) => topicNameProblem(String(issue.input)) ?? undefined };
const topicName = z.string().min(1, topicNameMessage).max(TOPIC_NAME_MAX_LENGTH, topicNameMessage).regex(TOPIC_NAME_PATTERN, topicNameMessage);
/** Same bounds as the topic form (topic-inputs.ts). */
const partitions = z.int().min(1).max(100_000);
const replicationFactor = z.int().min(1).max(32);
/** Values are strings as Kafka's AlterConfigs takes them; whether Kafka knows the key is checked in validate.ts. */
const configMap = z.record(z.string(), z.string());
/** `null` removes a key the base design sets: the environment leaves it to the broker. */
const configOverrideMap = z.record(z.string(), z.string().nullable());

export const serviceSchema = z.strictObject({
  id: elementId,
  name: label,
  role: z.enum(SERVICE_ROLES),
  language: z.enum(SERVICE_LANGUAGES).optional(),
  owner: label.optional(),
  description: text.optional(),
});

export const topicSchema = z.strictObject({
  id: elementId,
  name: topicName,
  kind: z.enum(TOPIC_KINDS).default('events'),
  sourceTopicId: elementId.optional().describe('For retry and dlq topics: the topic whose records they hold (and whose schema they share).'),
  retryDelayMs: z.int().min(0).optional().describe('For retry topics: how long a record waits before it is consumed again.'),
  partitions,
  replicationFactor,
  configs: configMap.default({}).describe('Topic-level configs as Kafka takes them (strings); only these keys are planned.'),
  key: z
    .strictObject({
      meaning: z.string().min(1).max(500).describe('What the key is and why, e.g. "taskId: all events of one task stay in order".'),
      schemaId: elementId.optional(),
    })
    .optional()
    .describe('Absent: records carry no meaningful key (no per-key order).'),
  valueSchemaId: elementId.optional(),
  owner: label.optional(),
  description: text.optional(),
});

export const eventSchemaSchema = z.strictObject({
  id: elementId,
  subject: z.string().min(1).max(255),
  format: z.enum(SCHEMA_FORMATS),
  definition: z.string().min(1).max(1_000_000).describe('The schema text as the registry stores it (Avro and JSON Schema definitions are JSON).'),
  compatibility: z.enum(COMPATIBILITY_LEVELS).optional().describe("Absent: the plan leaves the subject on the registry's default."),
  references: z.array(z.strictObject({ name: z.string().min(1), subject: z.string().min(1), version: z.int().min(1) })).default([]),
  description: text.optional(),
});

export const retryPolicySchema = z.strictObject({
  maxAttempts: z.int().min(1).max(100).describe('Deliveries including the first one; 1 means no retries.'),
  backoffMs: z.int().min(0).default(1000),
  backoffMultiplier: z.number().min(1).max(10).default(1),
  retryTopicIds: z.array(elementId).default([]).describe('Non-blocking retries, in order: attempt n+2 reads from retryTopicIds[n]. Empty: retries block the partition.'),
  dlqTopicId: elementId.optional(),
});

export const producesEdgeSchema = z.strictObject({
  id: elementId,
  kind: z.literal('produces'),
  serviceId: elementId,
  topicId: elementId,
  delivery: z.enum(DELIVERY_SEMANTICS).default('at-least-once'),
  /** Defaults are the Java client's since Kafka 3.0. */
  acks: z.enum(ACKS).default('all'),
  idempotence: z.boolean().default(true),
  transactional: z.boolean().default(false),
  description: text.optional(),
});

export const consumesEdgeSchema = z.strictObject({
  id: elementId,
  kind: z.literal('consumes'),
  serviceId: elementId,
  topicId: elementId,
  consumerGroup: z.string().min(1).max(255),
  delivery: z.enum(DELIVERY_SEMANTICS).default('at-least-once'),
  isolationLevel: z.enum(ISOLATION_LEVELS).default('read_uncommitted'),
  parallelism: z.int().min(1).max(100_000).default(1).describe('Largest number of consumers in the group working at once (instances × threads).'),
  retry: retryPolicySchema.optional(),
  description: text.optional(),
});

export const edgeSchema = z.discriminatedUnion('kind', [producesEdgeSchema, consumesEdgeSchema]);

export const connectorSchema = z.strictObject({
  id: elementId,
  name: label,
  direction: z.enum(['source', 'sink']),
  connectorClass: z.string().min(1).max(500).describe('The Kafka Connect connector.class.'),
  topicIds: z.array(elementId).default([]).describe('Topics a source writes to or a sink reads from.'),
  config: configMap.default({}).describe('The intended connector config, as documentation; secrets belong in config providers (${file:...}), never here.'),
  description: text.optional(),
});

export const noteSchema = z.strictObject({
  id: elementId,
  text: z.string().min(1).max(10_000),
  attachedTo: elementId.optional(),
});

export const topicOverrideSchema = z.strictObject({
  partitions: partitions.optional(),
  replicationFactor: replicationFactor.optional(),
  configs: configOverrideMap.optional(),
});

const environmentName = z.string().max(63).regex(ENVIRONMENT_NAME_PATTERN, 'Environment names are lower-case letters, digits and "-", starting with a letter or digit.');

export const environmentSchema = z.strictObject({
  name: environmentName,
  production: z.boolean().default(false).describe('Turns on the production durability rules (replication factor ≥ 3 and friends).'),
  topicDefaults: z
    .strictObject({ replicationFactor: replicationFactor.optional(), configs: configOverrideMap.optional() })
    .optional()
    .describe('Applied to every topic, before the per-topic overrides.'),
  topics: z.record(elementId, topicOverrideSchema).default({}).describe('Per-topic overrides, keyed by topic id; a null config value removes the key in this environment.'),
  description: text.optional(),
});

/** Design-level choices; absent fields keep the defaults, so documents without settings are unchanged. */
export const designSettingsSchema = z.strictObject({
  defaultEnvironment: environmentName.optional().describe('The environment the designer lints and plans by default; absent: the base design and every environment.'),
  lint: z
    .strictObject({
      topicNamePattern: z.string().min(1).max(500).optional().describe('Regular expression every topic name must match; absent: lower-case words joined by ".", "_" or "-".'),
      disabledRules: z.array(z.string().min(1).max(100)).optional().describe('Lint rule ids this design does not run.'),
    })
    .optional(),
});

/** Canvas state, kept apart from the semantic model: lint, plan and environments never read it. */
export const layoutSchema = z.strictObject({
  positions: z.record(elementId, z.strictObject({ x: z.number(), y: z.number() })).default({}).describe('Canvas position per node, keyed by element id.'),
  viewport: z.strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() }).optional(),
});

export const designDocumentSchema = z
  .strictObject({
    /** Lets editors find the JSON Schema; ignored otherwise. */
    $schema: z.string().optional(),
    version: z.literal(DESIGN_VERSION),
    name: label,
    description: text.optional(),
    services: z.array(serviceSchema).default([]),
    topics: z.array(topicSchema).default([]),
    schemas: z.array(eventSchemaSchema).default([]),
    edges: z.array(edgeSchema).default([]),
    connectors: z.array(connectorSchema).default([]),
    notes: z.array(noteSchema).default([]),
    environments: z.array(environmentSchema).default([]),
    settings: designSettingsSchema.optional(),
    layout: layoutSchema.default({ positions: {} }).describe('Canvas state only; lint, plan and environments never read it.'),
  })
  .meta({ title: 'Kafka Event Architect design document, version 1' });

export type DesignDocument = z.output<typeof designDocumentSchema>;
/** What a file may contain: defaulted fields may be left out. */
export type DesignDocumentInput = z.input<typeof designDocumentSchema>;
export type Service = z.output<typeof serviceSchema>;
export type Topic = z.output<typeof topicSchema>;
export type EventSchema = z.output<typeof eventSchemaSchema>;
export type RetryPolicy = z.output<typeof retryPolicySchema>;
export type ProducesEdge = z.output<typeof producesEdgeSchema>;
export type ConsumesEdge = z.output<typeof consumesEdgeSchema>;
export type DesignEdge = z.output<typeof edgeSchema>;
export type Connector = z.output<typeof connectorSchema>;
export type Note = z.output<typeof noteSchema>;
export type TopicOverride = z.output<typeof topicOverrideSchema>;
export type Environment = z.output<typeof environmentSchema>;
export type Layout = z.output<typeof layoutSchema>;
export type DesignSettings = z.output<typeof designSettingsSchema>;
export type SchemaFormat = (typeof SCHEMA_FORMATS)[number];
export type CompatibilityLevel = (typeof COMPATIBILITY_LEVELS)[number];

/** Whether retrying is configured at all: more than one attempt, or a retry topic to go through. */
export function hasRetries(policy: RetryPolicy | undefined): boolean {
  return policy !== undefined && (policy.maxAttempts > 1 || policy.retryTopicIds.length > 0);
}

/** `cleanup.policy` may be "compact" or "compact,delete"; both keep the latest value per key. */
export function isCompacted(topic: Pick<Topic, 'configs'>): boolean {
  return (topic.configs['cleanup.policy'] ?? '').split(',').some((p) => p.trim() === 'compact');
}
