import type { ErrorObject } from 'ajv';
import type { SchemaFormat } from '../design/model';
import { parseAvroSchema, type AvroErrorHint } from './avro-model';
import { formatJsonText } from './format-schema';
import { createAjv, jsonSchemaDialect } from './json-schema-dialect';
import { subschemaPointers } from './json-schema-walk';
import { type JsonText, parseJsonText, positionAt, type SchemaProblem } from './json-text';
import { parseProtobuf } from './protobuf-model';

export type { SchemaProblem } from './json-text';

/**
 * `normalized` is the text as the registry should get it (see format-schema.ts); `warnings` are things the
 * registry accepts but that are probably mistakes (an unknown keyword is usually a misspelt one).
 */
export type SchemaValidation = { ok: true; normalized: string; warnings: SchemaProblem[] } | { ok: false; problems: SchemaProblem[] };

export function validateSchema(format: SchemaFormat, text: string): SchemaValidation {
  switch (format) {
    case 'AVRO':
      return validateAvro(text);
    case 'JSON':
      return validateJsonSchema(text);
    case 'PROTOBUF':
      return validateProtobuf(text);
  }
}

function validateAvro(text: string): SchemaValidation {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const result = parseAvroSchema(parsed.json.value);
  if (!result.ok) {
    return { ok: false, problems: [{ message: avroMessage(result.message), severity: 'error', ...avroErrorLocation(parsed.json, result.near) }] };
  }
  return { ok: true, normalized: formatJsonText(text), warnings: [] };
}

/** avsc's messages embed whole schemas as JSON; keep the part a person reads. */
function avroMessage(message: string): string {
  const undefinedName = /^undefined type name: (.+)$/.exec(message);
  if (undefinedName) return `Unknown type "${undefinedName[1]}": define it before its first use (with its namespace), or use a primitive type.`;
  const unknownType = /^unknown type: "(.+)"$/.exec(message);
  if (unknownType) return `Unknown type "${unknownType[1]}": Avro types are null, boolean, int, long, float, double, bytes, string, record, enum, array, map and fixed.`;
  const badDefault = /^incompatible field default (.+?) \(invalid "?([^":]+)"?: .*?\)(, union defaults must match the first branch's type \((.+)\))?$/.exec(message);
  if (badDefault) {
    return badDefault[3]
      ? `Default ${badDefault[1]} does not match the union's first branch ${badDefault[4]}: a union's default must be of its first type.`
      : `Default ${badDefault[1]} is not a valid ${badDefault[2]}.`;
  }
  const trimmed = message.replace(/: (\{.*\}|\[.*\])$/, '');
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}.`;
}

function avroErrorLocation(json: JsonText, near: AvroErrorHint | undefined): Partial<SchemaProblem> {
  if (near === undefined) return {};
  let pointer: string | undefined;
  if (near.token !== undefined) {
    const token = near.token;
    const inside = near.schema !== undefined ? pointerOf(json, near.schema) : undefined;
    const matches = json.find(({ value, key }) => value === token || value === token.split('.').pop() || key === token);
    pointer = (inside !== undefined ? matches.find((p) => p.startsWith(inside)) : undefined) ?? matches[0];
  } else if (near.defaultJson !== undefined) {
    const expected = near.defaultJson;
    pointer = json.find(({ key, value }) => key === 'default' && JSON.stringify(value) === expected)[0];
  }
  pointer ??= near.schema !== undefined ? pointerOf(json, near.schema) : undefined;
  return pointer === undefined ? {} : { path: pointer, ...json.locate(pointer) };
}

/** avsc hands its hooks the very objects of the parsed value, so identity finds them in the document. */
function pointerOf(json: JsonText, target: object): string | undefined {
  return json.find(({ value }) => value === target)[0];
}

function validateJsonSchema(text: string): SchemaValidation {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const { json } = parsed;
  const schema = json.value;
  const at = (path: string, message: string, severity: SchemaProblem['severity']): SchemaProblem => ({ message, severity, path, ...json.locate(path) });
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    if (typeof schema === 'boolean') return { ok: true, normalized: formatJsonText(text), warnings: [] };
    return { ok: false, problems: [at('', 'A JSON Schema is an object (or true/false).', 'error')] };
  }
  const dialect = jsonSchemaDialect(schema);
  if (typeof dialect !== 'string') {
    return { ok: false, problems: [at('/$schema', `Unknown $schema "${dialect.unknown}": use draft-07 (http://json-schema.org/draft-07/schema#) or 2020-12 (https://json-schema.org/draft/2020-12/schema).`, 'error')] };
  }
  if (dialect === 'draft-04') {
    return { ok: true, normalized: formatJsonText(text), warnings: [at('/$schema', 'Draft-04 schemas are not checked here; the registry still validates them on registration.', 'warning')] };
  }

  const strictMessages = new Set<string>();
  const logger = { log: () => undefined, warn: (...args: unknown[]) => strictMessages.add(args.map(String).join(' ')), error: () => undefined };
  let ajv = createAjv(dialect, { logger });
  if (!ajv.validateSchema(schema)) {
    return { ok: false, problems: metaSchemaProblems(ajv.errors ?? [], at) };
  }

  const warnings: SchemaProblem[] = [];
  const unknownFormats: string[] = [];
  const problems: SchemaProblem[] = [];
  // ajv throws on the first unknown format; the registry accepts them, so note each one and compile again.
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      ajv.compile(schema);
      break;
    } catch (e) {
      const message = (e as Error).message;
      const unknownFormat = /^unknown format "(.*)" ignored in schema at path "#(.*)"$/.exec(message);
      if (unknownFormat?.[1] !== undefined) {
        const [, name, path = ''] = unknownFormat;
        warnings.push(at(`${path}/format`, `Unknown format "${name}": it is not checked. Known formats include date-time, date, time, email, uuid, uri, hostname, ipv4 and ipv6.`, 'warning'));
        unknownFormats.push(name);
        strictMessages.clear();
        ajv = createAjv(dialect, { logger, knownFormats: unknownFormats });
        continue;
      }
      const missingRef = /^can't resolve reference (.+) from id/.exec(message);
      if (missingRef?.[1] !== undefined) {
        const ref = missingRef[1];
        const refPath = json.find(({ key, value }) => key === '$ref' && value === ref)[0] ?? '';
        if (ref.startsWith('#')) problems.push(at(refPath, `$ref "${ref}" points at nothing in this schema.`, 'error'));
        else warnings.push(at(refPath, `$ref "${ref}" is not in this schema; the registry resolves it from the subject's schema references.`, 'warning'));
        break;
      }
      problems.push(at('', message, 'error'));
      break;
    }
  }
  warnings.push(...strictModeWarnings(strictMessages, json, schema, at));
  if (problems.length > 0) return { ok: false, problems: [...problems, ...warnings] };
  return { ok: true, normalized: formatJsonText(text), warnings };
}

/** One problem per location: ajv reports an `anyOf` failure together with each branch's own complaint. */
function metaSchemaProblems(errors: ErrorObject[], at: (path: string, message: string, severity: SchemaProblem['severity']) => SchemaProblem): SchemaProblem[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    const current = byPath.get(error.instancePath);
    const weak = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'type' || e.keyword === '$ref';
    if (current === undefined || (weak(current) && !weak(error))) byPath.set(error.instancePath, error);
  }
  return [...byPath.entries()].map(([path, error]) => {
    const keyword = path.split('/').pop() || 'schema';
    const allowed = error.keyword === 'enum' ? `: use one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}` : '';
    return at(path, `"${keyword}" ${error.message ?? 'is invalid'}${allowed}.`, 'error');
  });
}

function strictModeWarnings(
  messages: Set<string>,
  json: JsonText,
  schema: object,
  at: (path: string, message: string, severity: SchemaProblem['severity']) => SchemaProblem,
): SchemaProblem[] {
  const warnings: SchemaProblem[] = [];
  const schemas = subschemaPointers(schema);
  for (const raw of messages) {
    const message = raw.replace(/^strict mode: /, '');
    const unknownKeyword = /^unknown keyword: "(.+)"$/.exec(message);
    if (unknownKeyword?.[1] !== undefined) {
      const keyword = unknownKeyword[1];
      const places = schemas.filter((s) => Object.prototype.hasOwnProperty.call(s.schema, keyword));
      for (const place of places.length > 0 ? places : [{ pointer: '' }]) {
        warnings.push(at(`${place.pointer}/${keyword}`, `Unknown keyword "${keyword}": validators ignore it.${keywordHint(keyword)}`, 'warning'));
      }
      continue;
    }
    const located = /^(.*) at (?:path )?"#(.*)"(?: \((\w+)\))?$/.exec(message);
    if (located?.[1] !== undefined) {
      const [, text, path = '', rule] = located;
      // Point at the keyword the complaint is about, not at the whole subschema.
      const keyword = rule === 'strictRequired' ? 'required' : /keyword "([^"]+)"/.exec(text)?.[1];
      warnings.push(at(keyword ? `${path}/${keyword}` : path, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`, 'warning'));
      continue;
    }
    warnings.push(at('', message, 'warning'));
  }
  return warnings;
}

const KEYWORDS = ['required', 'properties', 'additionalProperties', 'patternProperties', 'items', 'enum', 'const', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'description', 'default', 'examples', 'definitions', '$defs', 'oneOf', 'anyOf', 'allOf'];

/** A likely intended keyword for a misspelt one: same letters in another order or one letter off. */
function keywordHint(keyword: string): string {
  const close = KEYWORDS.find((k) => k !== keyword && (sorted(k) === sorted(keyword) || editDistance(k.toLowerCase(), keyword.toLowerCase()) <= 1));
  return close ? ` Did you mean "${close}"?` : '';
}

const sorted = (s: string) => [...s.toLowerCase()].sort().join('');

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

function validateProtobuf(text: string): SchemaValidation {
  const parsed = parseProtobuf(text);
  if (!parsed.ok) {
    return { ok: false, problems: [{ message: parsed.message, severity: 'error', ...protobufLocation(text, parsed.line, parsed.token) }] };
  }
  const warnings = parsed.unresolvedImports.map(
    (name): SchemaProblem => ({
      message: `Import "${name}" is not a well-known type; the registry resolves it from the subject's schema references, so types from it are not checked here.`,
      severity: 'warning',
      ...protobufLocation(text, undefined, name),
    }),
  );
  // Re-emitting .proto through protobufjs would drop comments and reorder options; the text is the schema.
  return { ok: true, normalized: text, warnings };
}

function protobufLocation(text: string, line: number | undefined, token: string | undefined): Partial<SchemaProblem> {
  const lines = text.split('\n');
  const find = (candidates: number[]) => {
    for (const n of candidates) {
      const column = token === undefined ? -1 : findWord(lines[n - 1] ?? '', token);
      if (column >= 0) return { line: n, column: column + 1 };
    }
    return undefined;
  };
  if (line !== undefined) return find([line]) ?? { line, column: 1 };
  if (token !== undefined) {
    const found = find(lines.map((_, i) => i + 1));
    if (found) return found;
    const offset = text.indexOf(token);
    if (offset >= 0) return positionAt(text, offset);
  }
  return {};
}

function findWord(line: string, token: string): number {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(^|[^\\w.])${escaped}($|[^\\w])`).exec(line);
  return match ? match.index + (match[1]?.length ?? 0) : line.indexOf(token);
}
