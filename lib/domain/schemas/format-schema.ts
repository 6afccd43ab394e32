import { applyEdits, format } from 'jsonc-parser';
import type { SchemaFormat } from '../design/model';
import { parseJsonText, type SchemaProblem } from './json-text';
import { parseProtobuf } from './protobuf-model';

export type FormattedSchema = { ok: true; text: string } | { ok: false; problems: SchemaProblem[] };

/**
 * Pretty-prints a schema for the editor and for registration.
 *
 * Avro and JSON Schema: 2-space JSON, re-indented by jsonc-parser rather than JSON.stringify(JSON.parse()),
 * so key order, number spelling (large longs, 1.0) and string escapes stay exactly as written: only
 * whitespace changes, and the registry sees the same schema.
 *
 * Protobuf: left as written (after checking it parses). protobufjs can only re-emit a .proto through its
 * Node-only CLI, and doing so drops comments and reorders options, which the registry would store as a new
 * schema text.
 */
export function formatSchema(schemaFormat: SchemaFormat, text: string): FormattedSchema {
  if (schemaFormat === 'PROTOBUF') {
    const parsed = parseProtobuf(text);
    if (!parsed.ok) return { ok: false, problems: [{ message: parsed.message, severity: 'error', ...(parsed.line ? { line: parsed.line } : {}) }] };
    return { ok: true, text };
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  return { ok: true, text: formatJsonText(text) };
}

/** Whitespace-only reformatting of a JSON text known to parse. */
export function formatJsonText(text: string): string {
  const edits = format(text, undefined, { tabSize: 2, insertSpaces: true, eol: '\n', insertFinalNewline: false, keepLines: false });
  return applyEdits(text, edits).trim();
}
