import Ajv, { type Options } from 'ajv';
import Ajv2019 from 'ajv/dist/2019';
import Ajv2020 from 'ajv/dist/2020';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import addFormats from 'ajv-formats';

/**
 * The JSON Schema drafts the registry accepts, told apart by `$schema`; without one the registry
 * (and so we) assume draft-07.
 */
export type JsonSchemaDialect = 'draft-04' | 'draft-06' | 'draft-07' | '2019-09' | '2020-12';

export function jsonSchemaDialect(schema: unknown): JsonSchemaDialect | { unknown: string } {
  const declared = typeof schema === 'object' && schema !== null ? (schema as Record<string, unknown>).$schema : undefined;
  if (declared === undefined) return 'draft-07';
  const uri = String(declared);
  if (/draft-04\/schema/.test(uri)) return 'draft-04';
  if (/draft-06\/schema/.test(uri)) return 'draft-06';
  if (/draft-07\/schema/.test(uri)) return 'draft-07';
  if (/draft\/2019-09\/schema/.test(uri)) return '2019-09';
  if (/draft\/2020-12\/schema/.test(uri)) return '2020-12';
  return { unknown: uri };
}

export interface AjvLogger {
  log(...args: unknown[]): unknown;
  warn(...args: unknown[]): unknown;
  error(...args: unknown[]): unknown;
}

/**
 * A fresh ajv for one dialect, with the standard formats. A fresh instance per schema because ajv caches
 * every schema it compiles, and `knownFormats` (formats to accept without checking) changes the instance.
 * Strict mode only logs: the registry accepts unknown keywords and formats, so they are warnings here.
 */
export function createAjv(dialect: Exclude<JsonSchemaDialect, 'draft-04'>, options: { logger?: AjvLogger; knownFormats?: readonly string[] } = {}): Ajv {
  // Open tuples are legitimate; strictTuples would warn about every one.
  const opts: Options = { strict: 'log', strictTuples: false, allErrors: true, logger: options.logger ?? false, validateFormats: true };
  const ajv = dialect === '2020-12' ? new Ajv2020(opts) : dialect === '2019-09' ? new Ajv2019(opts) : new Ajv(opts);
  if (dialect === 'draft-06') ajv.addMetaSchema(draft06MetaSchema);
  addFormats(ajv);
  for (const name of options.knownFormats ?? []) ajv.addFormat(name, true);
  return ajv;
}
