import type { JsonValue } from './message-model';

/**
 * What raw key/value bytes are, decided without a schema registry: registry framing, JSON, text or
 * binary. The adapter decodes registry payloads (it needs the schema, which is I/O) starting at
 * `payloadOffset`.
 *
 * Registry framing (Confluent, and Apicurio in its Confluent-compatible mode):
 *   byte 0      magic byte 0
 *   bytes 1..4  schema id, big-endian (8 bytes with Apicurio's legacy global-id handler)
 *   Protobuf only: message indexes (which message of the .proto file), as zig-zag varints:
 *               a count, then that many indexes; a lone 0 byte is the common case [0].
 *   then        the Avro / Protobuf / JSON payload
 */
export type WireClassification =
  | { kind: 'null' }
  | {
      kind: 'schema-registry';
      schemaId: number;
      /** Where the serialized payload starts. */
      payloadOffset: number;
      /** Parsed when the caller said the schema is Protobuf; otherwise read them with readProtobufMessageIndexes. */
      messageIndexes?: number[];
    }
  | { kind: 'json'; value: JsonValue; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'binary' };

export type RegistrySchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';

export interface ClassifyOptions {
  /** 4 (Confluent, Apicurio 3 default) or 8 (Apicurio's legacy 8-byte global ids). */
  schemaIdBytes?: 4 | 8;
  /**
   * The schema type for an id, when the caller already knows it (a registry cache). Only Protobuf
   * changes the framing; returning undefined leaves `messageIndexes` unread.
   */
  schemaTypeOf?: (schemaId: number) => RegistrySchemaType | undefined;
}

const MAGIC_BYTE = 0;

export function classifyBytes(bytes: Uint8Array | null, options: ClassifyOptions = {}): WireClassification {
  if (bytes === null) return { kind: 'null' };
  const framing = readRegistryFraming(bytes, options.schemaIdBytes ?? 4);
  if (framing) {
    if (options.schemaTypeOf?.(framing.schemaId) === 'PROTOBUF') {
      const indexes = readProtobufMessageIndexes(bytes, framing.payloadOffset);
      // Bad index framing means this is not the Protobuf record we were told; show it as bytes.
      if ('error' in indexes) return { kind: 'binary' };
      return { kind: 'schema-registry', schemaId: framing.schemaId, payloadOffset: indexes.payloadOffset, messageIndexes: indexes.indexes };
    }
    return { kind: 'schema-registry', ...framing };
  }
  const fast = jsonContainerOfBytes(bytes);
  if (fast) return fast;
  const text = utf8TextOf(bytes);
  if (text === null) return { kind: 'binary' };
  const json = jsonContainerOf(text);
  return json === undefined ? { kind: 'text', text } : { kind: 'json', value: json, text };
}

/**
 * Magic byte 0 and a schema id. Registries never hand out id 0, and text never starts with a NUL
 * byte, so the check rarely mistakes other data for framing; a binary value that happens to start
 * with 0 and a plausible id still can, which is why the adapter falls back to bytes when the schema
 * lookup fails.
 */
export function readRegistryFraming(bytes: Uint8Array, schemaIdBytes: 4 | 8 = 4): { schemaId: number; payloadOffset: number } | null {
  const header = 1 + schemaIdBytes;
  if (bytes.length < header || bytes[0] !== MAGIC_BYTE) return null;
  let id = 0n;
  for (let i = 1; i < header; i++) id = (id << 8n) | BigInt(bytes[i]!);
  if (id === 0n || id > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { schemaId: Number(id), payloadOffset: header };
}

const MAX_MESSAGE_INDEXES = 256;

/**
 * Confluent's Protobuf message indexes: the path to the message type within the schema's .proto
 * (top-level message, then nested). Encoded as zig-zag varints: count, then indexes; count 0 is
 * shorthand for [0], the first message.
 */
export function readProtobufMessageIndexes(bytes: Uint8Array, offset: number): { indexes: number[]; payloadOffset: number } | { error: string } {
  const count = readZigZagVarint(bytes, offset);
  if ('error' in count) return { error: `Protobuf message-index count: ${count.error}` };
  if (count.value === 0) return { indexes: [0], payloadOffset: count.next };
  if (count.value < 0 || count.value > MAX_MESSAGE_INDEXES) return { error: `Protobuf message-index count ${count.value} is not plausible.` };
  const indexes: number[] = [];
  let at = count.next;
  for (let i = 0; i < count.value; i++) {
    const index = readZigZagVarint(bytes, at);
    if ('error' in index) return { error: `Protobuf message index ${i + 1} of ${count.value}: ${index.error}` };
    if (index.value < 0) return { error: `Protobuf message index ${index.value} is negative.` };
    indexes.push(index.value);
    at = index.next;
  }
  return { indexes, payloadOffset: at };
}

/** A 32-bit zig-zag varint, as Java's ByteUtils.readVarint writes them (at most 5 bytes). */
function readZigZagVarint(bytes: Uint8Array, offset: number): { value: number; next: number } | { error: string } {
  let raw = 0;
  let shift = 0;
  for (let at = offset; at < bytes.length; at++) {
    const b = bytes[at]!;
    raw |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) {
      const unsigned = raw >>> 0;
      return { value: (unsigned >>> 1) ^ -(unsigned & 1), next: at + 1 };
    }
    shift += 7;
    if (shift > 28) return { error: 'varint longer than 5 bytes' };
  }
  return { error: 'the record ends inside a varint' };
}

/** Encodes message indexes the way readProtobufMessageIndexes reads them; for fixtures and producers. */
export function writeProtobufMessageIndexes(indexes: readonly number[]): Uint8Array {
  if (indexes.length === 1 && indexes[0] === 0) return Uint8Array.of(0);
  const out: number[] = [];
  for (const n of [indexes.length, ...indexes]) {
    let v = ((n << 1) ^ (n >> 31)) >>> 0;
    while (v >= 0x80) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Text with C0 controls other than tab, newline, form feed and carriage return, or DEL, is really bytes.

/** The bytes as text when they are valid UTF-8 and printable; null otherwise. */
export function utf8TextOf(bytes: Uint8Array): string | null {
  // C0 controls and DEL are single bytes in UTF-8 and never occur inside a multi-byte sequence, so
  // checking bytes is the same test as one on the decoded text, and several times faster than the regex
  // on a 1 KB value (this runs for every record of a live tail).
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return null;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}


/**
 * The common case first, without utf8TextOf's byte-by-byte scan (a search classifies every record
 * it scans): bytes whose first non-blank byte opens an object or array, decoded and parsed. Valid
 * JSON holds no raw C0 control characters other than its blanks (tab, LF, CR, which utf8TextOf
 * allows), so only DEL, which JSON strings may hold raw, is left to check; the answer is the one
 * the slow path would give. Anything else (not JSON after all) takes the slow path.
 */
function jsonContainerOfBytes(bytes: Uint8Array): WireClassification | null {
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x7b && bytes[i] !== 0x5b) return null;
  try {
    const text = decoder.decode(bytes);
    const value = JSON.parse(text) as JsonValue;
    return text.includes('\u007f') ? null : { kind: 'json', value, text };
  } catch {
    return null;
  }
}

/**
 * Only objects and arrays count as JSON. A key "42" or "true" is text to the people who wrote it,
 * filters compare it as a string, and a bare number past 2^53 would lose digits in JSON.parse.
 */
function jsonContainerOf(text: string): JsonValue | undefined {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
}
