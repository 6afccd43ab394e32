import type { JsonValue } from '@/lib/domain/messages/message-model';

/**
 * What Avro and Protobuf decoders return (Buffers, Longs, bigints, Dates, Maps, class instances)
 * as plain JSON, so it can travel to the browser and into exports: bytes as base64, 64-bit
 * integers that do not fit a double as decimal strings.
 */
export function toJsonValue(value: unknown, depth = 0): JsonValue {
  if (depth > 64) return '[nested too deep]';
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'object':
      break;
    default:
      return String(value);
  }
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => toJsonValue(v, depth + 1));
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJsonValue(v, depth + 1)]));
  const long = value as { low?: unknown; high?: unknown; unsigned?: unknown; toString?: () => string };
  if (typeof long.low === 'number' && typeof long.high === 'number' && typeof long.unsigned === 'boolean') return long.toString!();
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toJsonValue(v, depth + 1);
  return out;
}
