/**
 * A Kafka record as the browser sees it. Everything is JSON-serialisable (offsets as strings,
 * bytes as base64/hex), because these objects travel in SSE batches and into exports unchanged.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Registry formats (avro, protobuf, json-schema) carry a schema id; the rest are told apart by content. */
export type PartFormat = 'avro' | 'protobuf' | 'json-schema' | 'json' | 'text' | 'binary' | 'null';

export const REGISTRY_FORMATS = ['avro', 'protobuf', 'json-schema'] as const satisfies readonly PartFormat[];
export type RegistryFormat = (typeof REGISTRY_FORMATS)[number];

/**
 * A key or value, decoded as far as we could. Which fields are set follows `format`:
 * - json, avro, protobuf, json-schema: `value`; or `text` (a cut JSON text) when truncated
 * - text: `text`
 * - binary, and registry payloads that failed to decode: `base64` and `hex` (with `error`)
 * - null: nothing (the record has no key, or is a tombstone)
 */
export interface DecodedPart {
  format: PartFormat;
  /** Size in Kafka, in bytes, whatever the preview keeps. */
  size: number;
  schemaId?: number;
  /** True when only a prefix is shown; the full record can be fetched again by offset. */
  truncated: boolean;
  value?: JsonValue;
  text?: string;
  base64?: string;
  /** Space-separated, for a quick look at the first bytes. */
  hex?: string;
  /** Why decoding stopped short (registry unavailable, schema missing, bad framing). */
  error?: string;
}

export interface MessageHeader {
  key: string;
  /** UTF-8 text, or base64 when `binary`; null for a header without a value. */
  value: string | null;
  binary?: true;
}

export interface MessageView {
  topic: string;
  partition: number;
  /** int64 as a decimal string. */
  offset: string;
  /** ms since the epoch (CreateTime or LogAppendTime, per the topic's message.timestamp.type). */
  timestamp: number;
  key: DecodedPart;
  value: DecodedPart;
  /** In record order; Kafka allows repeated keys. */
  headers: MessageHeader[];
  /** Bytes of key, value and headers as stored, before any preview cut. */
  size: number;
}

/** What a message filter sees: the decoded values, not the envelopes. */
export interface FilterInput {
  /** Parsed JSON for json/registry parts, the text for text, base64 for binary, null when absent. */
  key: JsonValue;
  value: JsonValue;
  /** Last value wins for repeated keys, like Kafka's Headers.lastHeader. */
  headers: Record<string, string>;
  partition: number;
  offset: string;
  timestamp: number;
}

/**
 * Run filters on untruncated views: a cut JSON value is exposed as its text prefix, which a filter
 * can only test as a string.
 */
export function filterInputOf(message: MessageView): FilterInput {
  const headers: Record<string, string> = {};
  for (const h of message.headers) headers[h.key] = h.value ?? '';
  return {
    key: plainValueOf(message.key),
    value: plainValueOf(message.value),
    headers,
    partition: message.partition,
    offset: message.offset,
    timestamp: message.timestamp,
  };
}

/** The single value a part stands for: what filters test and exports write. */
export function plainValueOf(part: DecodedPart): JsonValue {
  if (part.value !== undefined) return part.value;
  if (part.text !== undefined) return part.text;
  if (part.base64 !== undefined) return part.base64;
  return null;
}
