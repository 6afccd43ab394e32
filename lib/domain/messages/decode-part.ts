import type { DecodedPart, JsonValue, MessageHeader, MessageView, RegistryFormat } from './message-model';
import { classifyBytes, utf8TextOf, type WireClassification } from './wire-format';

/**
 * Builders that turn bytes (or a registry-decoded value) into the DecodedPart the browser gets,
 * cutting large values to a preview. The size is always the full size, so the UI can say
 * "showing 64 KiB of 3.2 MiB" and offer the whole record on request.
 */
export interface PreviewLimits {
  /** Longest text or JSON text kept, in UTF-16 code units. */
  maxChars: number;
  /** Bytes of a binary value kept as base64. */
  maxBinaryBytes: number;
  /** Bytes shown as hex. */
  hexBytes: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = { maxChars: 64 * 1024, maxBinaryBytes: 16 * 1024, hexBytes: 64 };

/**
 * For bytes that are not registry-framed, or when the caller does not decode registry payloads:
 * null, JSON, text or binary. Registry-framed bytes come back as binary with their schema id and
 * an error saying they were not decoded, so nothing is silently shown as garbage text.
 */
export function plainPart(bytes: Uint8Array | null, limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS, classification?: WireClassification): DecodedPart {
  const c = classification ?? classifyBytes(bytes);
  if (bytes === null || c.kind === 'null') return { format: 'null', size: 0, truncated: false };
  switch (c.kind) {
    case 'json':
      return jsonPart('json', bytes.length, c.value, limits, undefined, c.text);
    case 'text':
      return textPart('text', bytes.length, c.text, limits);
    case 'schema-registry':
      return undecodedPart(bytes, { schemaId: c.schemaId, error: `Encoded with registry schema ${c.schemaId}; not decoded.` }, limits);
    case 'binary':
      return binaryPart(bytes, limits);
  }
}

/** A registry payload the adapter decoded (Avro, Protobuf and JSON Schema all decode to JSON values). */
export function registryPart(
  decoded: { format: RegistryFormat; schemaId: number; size: number; value: JsonValue },
  limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS,
): DecodedPart {
  return jsonPart(decoded.format, decoded.size, decoded.value, limits, decoded.schemaId);
}

/** Bytes we could not decode (schema missing, registry down, payload not matching the schema). */
export function undecodedPart(
  bytes: Uint8Array,
  why: { format?: RegistryFormat; schemaId?: number; error: string },
  limits: PreviewLimits = DEFAULT_PREVIEW_LIMITS,
): DecodedPart {
  return { ...binaryPart(bytes, limits), format: why.format ?? 'binary', ...(why.schemaId !== undefined ? { schemaId: why.schemaId } : {}), error: why.error };
}

function jsonPart(format: DecodedPart['format'], size: number, value: JsonValue, limits: PreviewLimits, schemaId?: number, sourceText?: string): DecodedPart {
  const id = schemaId !== undefined ? { schemaId } : {};
  // A registry payload's byte size says nothing about its JSON length (Avro is compact), so measure the text.
  const text = sourceText ?? JSON.stringify(value);
  if (text.length <= limits.maxChars) return { format, size, ...id, truncated: false, value };
  return { format, size, ...id, truncated: true, text: cutText(text, limits.maxChars) };
}

function textPart(format: 'text', size: number, text: string, limits: PreviewLimits): DecodedPart {
  return text.length <= limits.maxChars ? { format, size, truncated: false, text } : { format, size, truncated: true, text: cutText(text, limits.maxChars) };
}

function binaryPart(bytes: Uint8Array, limits: PreviewLimits): DecodedPart {
  const kept = bytes.subarray(0, limits.maxBinaryBytes);
  return {
    format: 'binary',
    size: bytes.length,
    truncated: kept.length < bytes.length,
    base64: toBase64(kept),
    hex: toHex(bytes.subarray(0, limits.hexBytes)),
  };
}

/** Cuts at a code-point boundary so the preview never ends in half a surrogate pair. */
export function cutText(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const end = maxChars > 0 && isHighSurrogate(text.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars;
  return text.slice(0, end);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += (i ? ' ' : '') + bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Written out rather than Buffer/btoa so the module runs the same in the browser and in Node. */
export function toBase64(bytes: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out.push(BASE64[(n >> 18) & 63]!, BASE64[(n >> 12) & 63]!, b === undefined ? '=' : BASE64[(n >> 6) & 63]!, c === undefined ? '=' : BASE64[n & 63]!);
  }
  return out.join('');
}

/** kafkajs' IHeaders shape: Buffers (which are Uint8Arrays) or strings, repeated keys as arrays; undefined for a null value. */
export type RawHeaders = Readonly<Record<string, Uint8Array | string | readonly (Uint8Array | string | undefined)[] | undefined>>;

/** Headers in record order, text when printable UTF-8, base64 otherwise. */
export function headersOf(raw: RawHeaders | undefined): MessageHeader[] {
  const out: MessageHeader[] = [];
  for (const [key, value] of Object.entries(raw ?? {})) {
    const values = value === undefined ? [undefined] : Array.isArray(value) ? value : [value as Uint8Array | string];
    for (const v of values) {
      if (v === undefined) out.push({ key, value: null });
      else if (typeof v === 'string') out.push({ key, value: v });
      else {
        const text = utf8TextOf(v);
        out.push(text === null ? { key, value: toBase64(v), binary: true } : { key, value: text });
      }
    }
  }
  return out;
}

const utf8 = new TextEncoder();

/** Bytes of a record as Kafka stores its parts (record framing overhead is not counted). */
export function recordSize(key: Uint8Array | null, value: Uint8Array | null, headers: RawHeaders | undefined): number {
  let size = (key?.length ?? 0) + (value?.length ?? 0);
  for (const [k, v] of Object.entries(headers ?? {})) {
    const values = v === undefined ? [undefined] : Array.isArray(v) ? v : [v as Uint8Array | string];
    for (const one of values) size += utf8.encode(k).length + (one === undefined ? 0 : typeof one === 'string' ? utf8.encode(one).length : one.length);
  }
  return size;
}

/** A raw record in kafkajs' shape, with bytes rather than Buffers so the domain stays Node-free. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  /** kafkajs gives ms since the epoch as a string. */
  timestamp: string | number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers?: RawHeaders;
}

/**
 * The browser's view of a record. Key and value are decoded by `decode` (the adapter's registry-aware
 * decoder); it defaults to plainPart.
 */
export function toMessageView(
  raw: RawRecord,
  decode: (bytes: Uint8Array | null, part: 'key' | 'value') => DecodedPart = (bytes) => plainPart(bytes),
): MessageView {
  return {
    topic: raw.topic,
    partition: raw.partition,
    offset: raw.offset,
    timestamp: Number(raw.timestamp),
    key: decode(raw.key, 'key'),
    value: decode(raw.value, 'value'),
    headers: headersOf(raw.headers),
    size: recordSize(raw.key, raw.value, raw.headers),
  };
}
