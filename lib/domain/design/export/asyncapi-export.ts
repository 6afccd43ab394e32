import { stringify } from 'yaml';
import { indexDesign, valueSchemaOf } from '../design-index';
import { resolveEnvironment } from '../environment';
import type { ConsumesEdge, DesignDocument, EventSchema, ProducesEdge, Topic } from '../model';
import {
  ASYNCAPI_VERSION,
  CONTENT_TYPES,
  KAFKA_BINDING_VERSION,
  pointer,
  protobufSchemaFormat,
  SCHEMA_FORMAT_AVRO,
  SCHEMA_FORMAT_JSON_SCHEMA,
  TYPED_TOPIC_CONFIGS,
} from './asyncapi-format';
import { sortedEntries, type ExportOptions } from './export-types';
import { topicAccesses, type TopicAccess } from './topic-access';

export interface AsyncApiExportOptions extends ExportOptions {
  /** `info.version`; the design has no version of its own. */
  apiVersion?: string;
  /** The server's `host` (host:port). */
  bootstrapServers?: string;
  /**
   * The registry the serializers use. Without it the messages carry no schema-id framing: the
   * binding spec allows schemaIdLocation & co only when the server names a registry.
   */
  schemaRegistry?: {
    url: string;
    vendor?: 'confluent' | 'apicurio' | 'karapace' | 'ibm';
    /** How the schema id is framed in the payload; default "confluent" (magic byte + 4-byte id), "apicurio-new" for Apicurio's own serdes. */
    payloadEncoding?: string;
  };
}

type Json = Record<string, unknown>;

export class AsyncApiExportError extends Error {
  constructor(
    message: string,
    readonly elementId: string,
  ) {
    super(message);
    this.name = 'AsyncApiExportError';
  }
}

/** The design as an AsyncAPI 3.0 document (YAML): topics → channels, services → operations, schemas → components. See asyncapi-format.ts for the mapping. */
export function exportAsyncApi(design: DesignDocument, options: AsyncApiExportOptions = {}): string {
  return stringify(asyncApiDocument(design, options), { lineWidth: 0, aliasDuplicateObjects: false });
}

export function asyncApiDocument(design: DesignDocument, options: AsyncApiExportOptions = {}): Json {
  const { design: resolved, environment } = resolveEnvironment(design, options.environment);
  const index = indexDesign(resolved);
  const registry = options.schemaRegistry;

  const channels: Json = {};
  const messageIdOf = new Map<string, string>();
  for (const topic of resolved.topics) {
    if (topic.id in channels) continue;
    const { messages, messageId } = channelMessages(topic, valueSchemaOf(topic, index), index.schemas, registry);
    if (messageId) messageIdOf.set(topic.id, messageId);
    channels[topic.id] = compact({
      address: topic.name,
      description: topic.description,
      messages,
      bindings: { kafka: channelBinding(topic) },
      'x-topic-kind': topic.kind === 'events' ? undefined : topic.kind,
      'x-source-topic': topic.sourceTopicId,
      'x-retry-delay-ms': topic.retryDelayMs,
      'x-owner': topic.owner,
    });
  }

  const services = new Map(resolved.services.map((s) => [s.id, s]));
  const edges = new Map(resolved.edges.map((e) => [e.id, e]));
  const operations: Json = {};
  for (const access of topicAccesses(resolved)) {
    const id = access.derived ? `${access.edgeId}:${access.access === 'produce' ? 'send' : 'receive'}:${access.topicId}` : access.edgeId;
    if (id in operations) continue;
    const messageId = messageIdOf.get(access.topicId);
    const topic = index.topics.get(access.topicId)!;
    const edge = edges.get(access.edgeId)!;
    operations[id] = compact({
      action: access.access === 'produce' ? 'send' : 'receive',
      channel: { $ref: pointer('channels', access.topicId) },
      summary: `${services.get(access.serviceId)?.name ?? access.serviceId} ${access.access === 'produce' ? 'writes to' : 'reads from'} ${topic.name}${derivedNote(access)}`,
      description: access.derived ? undefined : edge.description,
      messages: messageId ? [{ $ref: pointer('channels', access.topicId, 'messages', messageId) }] : undefined,
      bindings: {
        kafka: compact({
          groupId: access.consumerGroup === null ? undefined : { type: 'string', enum: [access.consumerGroup] },
          clientId: { type: 'string', enum: [access.serviceId] },
          bindingVersion: KAFKA_BINDING_VERSION,
        }),
      },
      ...(access.derived ? { 'x-derived-from': access.edgeId } : edge.kind === 'produces' ? producerExtensions(edge) : consumerExtensions(edge)),
    });
  }

  const schemas: Json = {};
  for (const schema of resolved.schemas) if (!(schema.id in schemas)) schemas[schema.id] = componentSchema(schema);

  const serverName = environment?.name ?? 'kafka';
  return compact({
    asyncapi: ASYNCAPI_VERSION,
    info: compact({ title: resolved.name, version: options.apiVersion ?? '1.0.0', description: resolved.description }),
    servers: {
      [serverName]: compact({
        host: options.bootstrapServers ?? 'localhost:9092',
        protocol: 'kafka',
        description: environment?.description,
        bindings: registry ? { kafka: compact({ schemaRegistryUrl: registry.url, schemaRegistryVendor: registry.vendor, bindingVersion: KAFKA_BINDING_VERSION }) } : undefined,
      }),
    },
    channels,
    operations,
    components: Object.keys(schemas).length ? { schemas } : undefined,
    'x-services': resolved.services.map((s) => compact({ id: s.id, name: s.name, role: s.role, language: s.language, owner: s.owner, description: s.description })),
  });
}

function derivedNote(access: TopicAccess): string {
  if (!access.derived) return '';
  return access.derived.kind === 'retry' ? ` (retry, attempt ${access.derived.attempt})` : ' (dead letters)';
}

function channelMessages(topic: Topic, valueSchema: EventSchema | undefined, schemas: ReadonlyMap<string, EventSchema>, registry: AsyncApiExportOptions['schemaRegistry']) {
  const key = topic.key;
  if (!valueSchema && !key) return { messages: undefined, messageId: null };
  const keySchema = key?.schemaId ? schemas.get(key.schemaId) : undefined;
  const framed = registry && valueSchema;
  const binding = compact({
    key: key ? (keySchema ? { $ref: pointer('components', 'schemas', keySchema.id) } : { type: 'string', description: key.meaning }) : undefined,
    'x-key-meaning': key && keySchema ? key.meaning : undefined,
    schemaIdLocation: framed ? 'payload' : undefined,
    schemaIdPayloadEncoding: framed ? (registry.payloadEncoding ?? (registry.vendor === 'apicurio' ? 'apicurio-new' : 'confluent')) : undefined,
    schemaLookupStrategy: framed ? lookupStrategy(topic, valueSchema) : undefined,
    bindingVersion: KAFKA_BINDING_VERSION,
  });
  const messageId = valueSchema?.id ?? 'record';
  const message = compact({
    name: valueSchema?.subject,
    contentType: valueSchema ? CONTENT_TYPES[valueSchema.format] : undefined,
    payload: valueSchema ? { $ref: pointer('components', 'schemas', valueSchema.id) } : undefined,
    bindings: { kafka: binding },
  });
  return { messages: { [messageId]: message }, messageId };
}

/** The serializer's subject naming strategy, when the subject shows which one the design follows. */
function lookupStrategy(topic: Topic, schema: EventSchema): string | undefined {
  if (schema.subject === `${topic.name}-value`) return 'TopicNameStrategy';
  const record = recordName(schema);
  if (record && schema.subject === record) return 'RecordNameStrategy';
  if (record && schema.subject === `${topic.name}-${record}`) return 'TopicRecordNameStrategy';
  return undefined;
}

function recordName(schema: EventSchema): string | null {
  if (schema.format === 'PROTOBUF') return null;
  try {
    const parsed = JSON.parse(schema.definition) as { name?: unknown; namespace?: unknown; title?: unknown };
    if (schema.format === 'JSON') return typeof parsed.title === 'string' ? parsed.title : null;
    if (typeof parsed.name !== 'string') return null;
    return typeof parsed.namespace === 'string' && !parsed.name.includes('.') ? `${parsed.namespace}.${parsed.name}` : parsed.name;
  } catch {
    return null;
  }
}

function channelBinding(topic: Topic): Json {
  const typed: Json = {};
  const raw: Record<string, string> = {};
  for (const [key, value] of sortedEntries(topic.configs)) {
    const converted = typedConfigValue(key, value);
    if (converted === undefined) raw[key] = value;
    else typed[key] = converted;
  }
  return compact({
    topic: topic.name,
    partitions: topic.partitions,
    replicas: topic.replicationFactor,
    topicConfiguration: Object.keys(typed).length ? typed : undefined,
    'x-raw-configs': Object.keys(raw).length ? raw : undefined,
    bindingVersion: KAFKA_BINDING_VERSION,
  });
}

/** The value as the binding types it; undefined when it cannot be typed without changing it. */
export function typedConfigValue(key: string, value: string): unknown {
  const type = TYPED_TOPIC_CONFIGS[key];
  if (type === undefined) return value;
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : undefined;
  if (type === 'policy-list') {
    const policies = value.split(',');
    return policies.every((p) => p === 'compact' || p === 'delete') ? policies : undefined;
  }
  const n = Number(value);
  return Number.isSafeInteger(n) && String(n) === value && n >= type.min ? n : undefined;
}

function componentSchema(schema: EventSchema): Json {
  const format = schema.format === 'AVRO' ? SCHEMA_FORMAT_AVRO : schema.format === 'JSON' ? SCHEMA_FORMAT_JSON_SCHEMA : protobufSchemaFormat(/syntax\s*=\s*["']proto3["']/.test(schema.definition) ? 3 : 2);
  return compact({
    schemaFormat: format,
    schema: schema.format === 'PROTOBUF' ? schema.definition : parseDefinition(schema),
    'x-subject': schema.subject,
    'x-compatibility': schema.compatibility,
    'x-references': schema.references.length ? schema.references : undefined,
    'x-description': schema.description,
  });
}

function parseDefinition(schema: EventSchema): unknown {
  try {
    return JSON.parse(schema.definition);
  } catch {
    throw new AsyncApiExportError(`Schema "${schema.subject}" is not valid JSON, so it cannot be embedded in AsyncAPI; fix its ${schema.format === 'AVRO' ? 'Avro' : 'JSON Schema'} definition first.`, schema.id);
  }
}

function producerExtensions(edge: ProducesEdge): Json {
  return compact({
    'x-delivery': edge.delivery === 'at-least-once' ? undefined : edge.delivery,
    'x-acks': edge.acks === 'all' ? undefined : edge.acks,
    'x-idempotence': edge.idempotence ? undefined : false,
    'x-transactional': edge.transactional ? true : undefined,
  });
}

function consumerExtensions(edge: ConsumesEdge): Json {
  return compact({
    'x-delivery': edge.delivery === 'at-least-once' ? undefined : edge.delivery,
    'x-isolation-level': edge.isolationLevel === 'read_uncommitted' ? undefined : edge.isolationLevel,
    'x-parallelism': edge.parallelism === 1 ? undefined : edge.parallelism,
    'x-retry': edge.retry
      ? compact({
          maxAttempts: edge.retry.maxAttempts,
          backoffMs: edge.retry.backoffMs,
          backoffMultiplier: edge.retry.backoffMultiplier,
          retryChannels: edge.retry.retryTopicIds.length ? edge.retry.retryTopicIds : undefined,
          deadLetterChannel: edge.retry.dlqTopicId,
        })
      : undefined,
  });
}

/** Drops undefined members, so optional design fields leave no `key: null` behind. */
function compact(object: Json): Json {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
