import type { DecodedPart } from '@/lib/domain/messages/message-model';

/** One line for a list cell: JSON compact, text as is, bytes as hex. */
export function previewOf(part: DecodedPart, max = 160): string {
  const full = fullTextOf(part, false);
  return full.length > max ? `${full.slice(0, max)}…` : full;
}

/** The part as text for the detail panel: JSON pretty-printed when `pretty`. */
export function fullTextOf(part: DecodedPart, pretty = true): string {
  if (part.format === 'null') return '';
  if (part.value !== undefined) return pretty ? JSON.stringify(part.value, null, 2) : JSON.stringify(part.value);
  if (part.text !== undefined) return part.text;
  return part.hex ?? part.base64 ?? '';
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

export function formatTimestamp(ms: number): string {
  return Number.isFinite(ms) && ms >= 0 ? new Date(ms).toISOString().replace('T', ' ').replace('Z', '') : String(ms);
}

export const FORMAT_LABELS: Record<DecodedPart['format'], string> = {
  avro: 'Avro',
  protobuf: 'Protobuf',
  'json-schema': 'JSON Schema',
  json: 'JSON',
  text: 'text',
  binary: 'binary',
  null: 'null',
};
