import { stringify } from 'csv-stringify/sync';
import { exportRecordOf, type ExportRecord } from './message-export';
import type { MessageView } from './message-model';

/**
 * CSV of loaded messages. Quoting and escaping are csv-stringify's (adaltas/node-csv, maintained,
 * RFC 4180); hand-written CSV escaping is how exports break on the first value with a quote or a
 * newline in it. This imports the Node build: export on the server (the exports route). A browser
 * export would import `csv-stringify/browser/esm/sync` instead.
 */
export const CSV_COLUMNS = [
  'topic',
  'partition',
  'offset',
  'timestamp',
  'key',
  'value',
  'headers',
  'keyFormat',
  'valueFormat',
  'valueSchemaId',
  'size',
  'truncated',
] as const satisfies readonly (keyof ExportRecord)[];

export function toCsv(messages: readonly MessageView[]): string {
  const rows = messages.map((m) => {
    const r = exportRecordOf(m);
    return CSV_COLUMNS.map((column) => cell(r[column]));
  });
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], eof: true, record_delimiter: 'windows' });
}

/** Objects and arrays become their JSON text; text that a spreadsheet would run as a formula is defused. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return defuseFormula(value);
  if (typeof value === 'object') return defuseFormula(JSON.stringify(value));
  return String(value);
}

/**
 * CSV injection (OWASP): Excel and LibreOffice run a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula. Message data is attacker-controlled, so such cells get
 * a leading apostrophe, which spreadsheets show as text. Plain negative numbers are left alone.
 */
export function defuseFormula(text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
