import type { SchemaFormat } from '../model';

/**
 * What the AsyncAPI exporter and importer agree on. The document is plain AsyncAPI 3.0 with the
 * Kafka bindings 0.5.0; what neither has a place for travels in `x-` extensions, which the spec
 * allows on every object we use and which other tools ignore:
 *
 * - root `x-services`: the services with name, role, language, owner, description. Operations
 *   name their service in the standard `bindings.kafka.clientId`.
 * - channel `x-topic-kind` (retry | dlq), `x-source-topic`, `x-retry-delay-ms`, `x-owner`.
 * - channel binding `x-raw-configs`: topic configs whose value the binding's typed field cannot
 *   hold (e.g. a non-numeric retention.ms), so they still round-trip.
 * - message binding `x-key-meaning`: what the key is, when the key is a schema reference (a
 *   reference cannot carry a description).
 * - components.schemas entry `x-subject`, `x-compatibility`, `x-references`, `x-description`.
 * - operation `x-delivery`, `x-acks`, `x-idempotence`, `x-transactional`, `x-isolation-level`,
 *   `x-parallelism` (only where they differ from the design defaults), `x-retry` (the retry
 *   policy, topics by channel id), and `x-derived-from` on the operations a retry policy implies
 *   (writing to and reading from retry topics, writing to the dead-letter topic); the importer
 *   rebuilds those from `x-retry` instead of turning them into edges.
 */
export const ASYNCAPI_VERSION = '3.0.0';
export const KAFKA_BINDING_VERSION = '0.5.0';

export const SCHEMA_FORMAT_AVRO = 'application/vnd.apache.avro;version=1.9.0';
export const SCHEMA_FORMAT_JSON_SCHEMA = 'application/schema+json;version=draft-07';
export const protobufSchemaFormat = (version: 2 | 3) => `application/vnd.google.protobuf;version=${version}`;

export const CONTENT_TYPES: Record<SchemaFormat, string> = {
  AVRO: 'application/vnd.apache.avro+binary',
  JSON: 'application/json',
  PROTOBUF: 'application/x-protobuf',
};

/** Which design format an AsyncAPI schemaFormat is; null for formats a registry cannot hold (RAML, OpenAPI). */
export function designFormatOf(schemaFormat: string | undefined): SchemaFormat | 'ASYNCAPI' | null {
  if (schemaFormat === undefined) return 'ASYNCAPI';
  const mediaType = (schemaFormat.split(';')[0] ?? '').trim().toLowerCase();
  if (mediaType.startsWith('application/vnd.apache.avro')) return 'AVRO';
  if (mediaType.startsWith('application/schema+json') || mediaType.startsWith('application/schema+yaml') || mediaType === 'application/schema') return 'JSON';
  if (mediaType === 'application/vnd.google.protobuf') return 'PROTOBUF';
  if (mediaType.startsWith('application/vnd.aai.asyncapi')) return 'ASYNCAPI';
  return null;
}

/** The topic configs the Kafka channel binding 0.5.0 types, and how; every other config is carried as a string. */
export const TYPED_TOPIC_CONFIGS: Record<string, 'policy-list' | { min: number } | 'boolean'> = {
  'cleanup.policy': 'policy-list',
  'retention.ms': { min: -1 },
  'retention.bytes': { min: -1 },
  'delete.retention.ms': { min: 0 },
  'max.message.bytes': { min: 0 },
  'confluent.key.schema.validation': 'boolean',
  'confluent.value.schema.validation': 'boolean',
};

/** A channel/operation/message id usable in a JSON pointer ($ref); element ids already are. */
export function pointer(...segments: string[]): string {
  return `#/${segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}
