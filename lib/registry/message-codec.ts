import 'server-only';
import type { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { DEFAULT_PREVIEW_LIMITS, plainPart, registryPart, undecodedPart, type PreviewLimits } from '@/lib/domain/messages/decode-part';
import type { DecodedPart, JsonValue, RegistryFormat } from '@/lib/domain/messages/message-model';
import { classifyBytes, readRegistryFraming, utf8TextOf, writeProtobufMessageIndexes, type RegistrySchemaType } from '@/lib/domain/messages/wire-format';
import { ConsoleError } from '@/lib/domain/console-error';
import { hasRegistry, registryFor } from './registry-client';
import { toJsonValue } from './json-value';

/**
 * Turns key/value bytes into what the browser shows, asking the schema registry for the schemas
 * that registry-framed records name, and encodes values with a registry schema for the produce form.
 *
 * Decoding is synchronous once `prepare` has looked up a batch's schema ids, so a busy tail decodes
 * thousands of records without an await each. A schema that cannot be had (deleted, registry down)
 * is remembered for a while and its records are shown as bytes with the reason, never as an error
 * of the whole page.
 *
 * @kafkajs/confluent-schema-registry fetches and caches the schemas (and decodes Avro), but its
 * Protobuf support ignores Confluent's message indexes: it always reads the file's first message
 * and writes no indexes, so other clients cannot read what it produces. Protobuf is framed here
 * with the domain's readers and writers, and JSON Schema payloads are plain JSON after the header.
 */
export interface MessageCodec {
  prepare(records: Iterable<{ key: Uint8Array | null; value: Uint8Array | null }>): Promise<void>;
  decode(bytes: Uint8Array | null, limits?: PreviewLimits): DecodedPart;
}

export interface EncodedValue {
  bytes: Buffer;
  schemaId: number;
  format: RegistryFormat;
}

interface ProtoType {
  name: string;
  fullName: string;
  nestedArray: unknown[];
  fields: object;
  decode(bytes: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
  fromObject(value: object): object;
  toObject(message: object, options: object): Record<string, unknown>;
  verify(message: object): string | null;
  parent: { nestedArray: unknown[] } | null;
}

interface AvroLike {
  fromBuffer(buffer: Buffer): unknown;
}

type SchemaEntry = { ok: true; type: RegistrySchemaType; schema: unknown } | { ok: false; error: string; until: number };

const FORMAT_OF: Record<RegistrySchemaType, RegistryFormat> = { AVRO: 'avro', PROTOBUF: 'protobuf', JSON: 'json-schema' };
const MISSING_SCHEMA_RETRY_MS = 30_000;

const plainCodec: MessageCodec = {
  prepare: async () => undefined,
  decode: (bytes, limits = DEFAULT_PREVIEW_LIMITS) => plainPart(bytes, limits),
};

const globalForCodecs = globalThis as unknown as { keaCodecs?: Map<string, MessageCodec> };
const codecs = (globalForCodecs.keaCodecs ??= new Map());

/** The codec of a cluster: registry-aware when one is configured, plain otherwise. */
export function codecFor(clusterName: string): MessageCodec {
  let codec = codecs.get(clusterName);
  if (!codec) {
    codec = hasRegistry(clusterName) ? new RegistryCodec(registryFor(clusterName)) : plainCodec;
    codecs.set(clusterName, codec);
  }
  return codec;
}

class RegistryCodec implements MessageCodec {
  private readonly schemas = new Map<number, SchemaEntry>();

  constructor(private readonly registry: SchemaRegistry) {}

  async prepare(records: Iterable<{ key: Uint8Array | null; value: Uint8Array | null }>): Promise<void> {
    const wanted = new Set<number>();
    const now = Date.now();
    for (const r of records) {
      for (const bytes of [r.key, r.value]) {
        if (!bytes) continue;
        const framing = readRegistryFraming(bytes);
        if (!framing) continue;
        const known = this.schemas.get(framing.schemaId);
        if (!known || (!known.ok && known.until < now)) wanted.add(framing.schemaId);
      }
    }
    await Promise.all([...wanted].map((id) => this.load(id)));
  }

  private async load(id: number): Promise<void> {
    try {
      const schema = await this.registry.getSchema(id);
      const type = (this.registry.cache.getSchema(id)?.type ?? 'AVRO') as RegistrySchemaType;
      this.schemas.set(id, { ok: true, type, schema });
    } catch (e) {
      const reason = (e as Error).message || String(e);
      this.schemas.set(id, { ok: false, error: `Schema ${id} could not be read from the registry: ${reason}`, until: Date.now() + MISSING_SCHEMA_RETRY_MS });
    }
  }

  decode(bytes: Uint8Array | null, limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS): DecodedPart {
    const c = classifyBytes(bytes, { schemaTypeOf: (id) => this.typeOf(id) });
    if (bytes === null || c.kind !== 'schema-registry') return plainPart(bytes, limits, c);
    const entry = this.schemas.get(c.schemaId);
    if (!entry) return undecodedPart(bytes, { schemaId: c.schemaId, error: `Schema ${c.schemaId} was not looked up.` }, limits);
    if (!entry.ok) return undecodedPart(bytes, { schemaId: c.schemaId, error: entry.error }, limits);
    const format = FORMAT_OF[entry.type];
    try {
      const value = decodeWith(entry, bytes, c.payloadOffset, c.messageIndexes);
      return registryPart({ format, schemaId: c.schemaId, size: bytes.length, value }, limits);
    } catch (e) {
      return undecodedPart(bytes, { format, schemaId: c.schemaId, error: `Not valid ${format} for schema ${c.schemaId}: ${(e as Error).message}` }, limits);
    }
  }

  private typeOf(id: number): RegistrySchemaType | undefined {
    const entry = this.schemas.get(id);
    return entry?.ok ? entry.type : undefined;
  }

  /** Encodes `value` with the latest schema of `subject` (validating it first). */
  async encode(subject: string, value: unknown): Promise<EncodedValue> {
    const schemaId = await this.registry.getLatestSchemaId(subject).catch((e: unknown) => {
      throw latestSchemaError(subject, e);
    });
    await this.load(schemaId);
    const entry = this.schemas.get(schemaId);
    if (!entry?.ok) throw invalid(entry?.error ?? `Schema ${schemaId} could not be read.`);
    const format = FORMAT_OF[entry.type];
    if (entry.type === 'PROTOBUF') {
      const type = protoTypeAt(entry.schema, [0]);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(`A Protobuf message is a JSON object; got ${JSON.stringify(value)?.slice(0, 40)}.`);
      const unknown = Object.keys(value).filter((k) => !(k in type.fields));
      if (unknown.length) throw invalid(`${type.name} has no field ${unknown.map((k) => `"${k}"`).join(', ')}.`);
      const message = type.fromObject(value);
      const problem = type.verify(message);
      if (problem) throw invalid(`${type.name}: ${problem}.`);
      const header = Buffer.alloc(5);
      header.writeUInt32BE(schemaId, 1);
      return { bytes: Buffer.concat([header, writeProtobufMessageIndexes([0]), type.encode(message).finish()]), schemaId, format };
    }
    try {
      return { bytes: await this.registry.encode(schemaId, value), schemaId, format };
    } catch (e) {
      throw invalid(`The value does not match the ${format} schema of subject "${subject}": ${validationDetail(e)}`);
    }
  }
}

/** The registry client throws its own errors (HTTP status, or a socket error); the form needs one it can show. */
function latestSchemaError(subject: string, e: unknown): ConsoleError {
  const status = (e as { status?: unknown }).status;
  if (status === 404) return new ConsoleError({ category: 'not-found', message: `Subject "${subject}" does not exist in the schema registry.`, retryable: false, field: 'subject' });
  const reason = (e as Error).message || String(e);
  return new ConsoleError({ category: 'unavailable', message: `The latest schema of subject "${subject}" could not be read from the registry: ${reason}`, retryable: true, field: 'subject' });
}

/**
 * The library's validation error, in words: Avro gives the paths of the fields that do not fit;
 * JSON Schema (with detailedErrorPaths) gives each broken rule with the place it applies to.
 */
function validationDetail(e: unknown): string {
  const paths = (e as { paths?: unknown[] }).paths;
  if (!Array.isArray(paths) || paths.length === 0) return (e as Error).message;
  const parts = paths.map((p) => {
    if (Array.isArray(p)) return `field ${p.join('.') || '(the value)'} does not fit its type`;
    if (p && typeof p === 'object' && 'message' in p) {
      const where = (p as { path?: unknown }).path;
      const pointer = Array.isArray(where) ? where.join('') : String(where ?? '');
      return `${pointer ? `at ${pointer}` : 'the value'} ${String((p as { message: unknown }).message)}`;
    }
    return JSON.stringify(p);
  });
  return [...new Set(parts)].join('; ');
}

const invalid = (message: string) => new ConsoleError({ category: 'invalid-input', message, retryable: false, field: 'value' });

function decodeWith(entry: Extract<SchemaEntry, { ok: true }>, bytes: Uint8Array, payloadOffset: number, messageIndexes: number[] | undefined): JsonValue {
  const payload = Buffer.from(bytes.buffer, bytes.byteOffset + payloadOffset, bytes.length - payloadOffset);
  switch (entry.type) {
    case 'AVRO':
      return toJsonValue((entry.schema as AvroLike).fromBuffer(payload));
    case 'JSON': {
      const text = utf8TextOf(payload);
      if (text === null) throw new Error('the payload is not UTF-8 text');
      return JSON.parse(text) as JsonValue;
    }
    case 'PROTOBUF': {
      const type = protoTypeAt(entry.schema, messageIndexes ?? [0]);
      const message = type.decode(payload);
      return toJsonValue(type.toObject(message, { longs: String, enums: String, bytes: String, defaults: true, json: true }));
    }
  }
}

const isProtoType = (n: unknown): n is ProtoType => typeof n === 'object' && n !== null && 'fields' in n && typeof (n as ProtoType).decode === 'function';

/**
 * The message type that Confluent's message indexes point at: the first index picks a top-level
 * message of the .proto file in declaration order, each further one a message nested in it.
 */
function protoTypeAt(schema: unknown, indexes: readonly number[]): ProtoType {
  const first = (schema as { message?: ProtoType }).message;
  if (!first) throw new Error('the registry client did not parse this Protobuf schema');
  const topLevel = (first.parent?.nestedArray ?? [first]).filter(isProtoType);
  let type = topLevel[indexes[0] ?? 0];
  for (const index of indexes.slice(1)) type = type?.nestedArray.filter(isProtoType)[index];
  if (!type) throw new Error(`message index [${indexes.join(', ')}] names no message of the schema`);
  return type;
}

/** For the produce action: encode with a subject's latest schema. */
export async function encodeWithSubject(clusterName: string, subject: string, value: unknown): Promise<EncodedValue> {
  const codec = codecFor(clusterName);
  if (!(codec instanceof RegistryCodec)) throw invalid(`Cluster "${clusterName}" has no schema registry; send the value as JSON or text.`);
  return codec.encode(subject, value);
}
