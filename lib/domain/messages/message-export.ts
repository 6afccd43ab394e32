import { plainValueOf, type JsonValue, type MessageView } from './message-model';

/**
 * One exported record: flat, with key and value as the values they stand for (parsed JSON, text or
 * base64), so a JSON Lines export can be read back with any tool and a CSV opens as a table.
 */
export interface ExportRecord {
  topic: string;
  partition: number;
  offset: string;
  /** ISO 8601, UTC: unambiguous in a spreadsheet, unlike epoch milliseconds. */
  timestamp: string;
  key: JsonValue;
  value: JsonValue;
  /** Last value per key, as filters see them; repeated keys are rare and shown in the UI. */
  headers: Record<string, string>;
  keyFormat: string;
  valueFormat: string;
  valueSchemaId: number | null;
  size: number;
  /** The export holds only the preview of a part that was cut (see DecodedPart.truncated). */
  truncated: boolean;
}

export function exportRecordOf(m: MessageView): ExportRecord {
  const headers: Record<string, string> = {};
  for (const h of m.headers) headers[h.key] = h.value ?? '';
  return {
    topic: m.topic,
    partition: m.partition,
    offset: m.offset,
    timestamp: new Date(m.timestamp).toISOString(),
    key: plainValueOf(m.key),
    value: plainValueOf(m.value),
    headers,
    keyFormat: m.key.format,
    valueFormat: m.value.format,
    valueSchemaId: m.value.schemaId ?? null,
    size: m.size,
    truncated: m.key.truncated || m.value.truncated,
  };
}

/** JSON Lines: one record per line. JSON.stringify escapes newlines inside strings, so lines never break. */
export function toJsonLines(messages: readonly MessageView[]): string {
  return messages.map((m) => JSON.stringify(exportRecordOf(m)) + '\n').join('');
}
