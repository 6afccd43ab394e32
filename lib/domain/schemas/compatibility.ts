import type { CompatibilityLevel, SchemaFormat } from '../design/model';
import { avroIncompatibilities, type SchemaIncompatibility } from './avro-compatibility';
import { parseAvroSchema, type AvroNode } from './avro-model';
import { jsonSchemaIncompatibilities } from './json-schema-compatibility';
import { isSchemaObject } from './json-schema-walk';
import { type JsonText, parseJsonText, type SchemaProblem } from './json-text';
import { validateSchema } from './validate-schema';

/**
 * A local, explainable version of the registry's compatibility check, for the editor: it says which
 * change breaks which rule against which registered version, before anything is sent to the registry
 * (which stays the authority: see the coverage notes in avro-compatibility.ts and json-schema-compatibility.ts).
 *
 * BACKWARD: the new schema can read data written with a previous one (consumers upgrade first).
 * FORWARD: a previous schema can read data written with the new one (producers upgrade first).
 * FULL: both. Plain levels check against the latest version; _TRANSITIVE ones against every version.
 */
export type CompatibilityRule = 'BACKWARD' | 'FORWARD';

export interface SchemaVersion {
  version: number;
  definition: string;
}

export interface CompatibilityViolation {
  rule: CompatibilityRule;
  /** The registered version the new schema fails against. */
  version: number;
  /** The incompatibility, named as Avro's SchemaCompatibility or Confluent's JSON Schema diff names it. */
  kind: string;
  /** Avro: by field name ("/fields/task/fields/due_date"); JSON Schema: a JSON pointer ("/properties/due_date"). */
  path: string;
  message: string;
  /** Where to mark the new schema: the changed element, or its closest ancestor when the change is a removal. */
  line?: number;
  column?: number;
}

export type CompatibilityCheck =
  | { ok: true; compatible: boolean; violations: CompatibilityViolation[]; checkedVersions: number[] }
  | { ok: false; problems: (SchemaProblem & { version?: number })[] };

export interface CompatibilityInput {
  format: SchemaFormat;
  level: CompatibilityLevel;
  /** The candidate schema text. */
  schema: string;
  /** The subject's registered versions, in any order. */
  previous: readonly SchemaVersion[];
}

export function rulesOf(level: CompatibilityLevel): CompatibilityRule[] {
  if (level === 'NONE') return [];
  if (level.startsWith('FULL')) return ['BACKWARD', 'FORWARD'];
  return level.startsWith('BACKWARD') ? ['BACKWARD'] : ['FORWARD'];
}

export function checkCompatibility({ format, level, schema, previous }: CompatibilityInput): CompatibilityCheck {
  if (format === 'PROTOBUF') {
    return { ok: false, problems: [{ message: 'Protobuf compatibility is not checked locally; the registry checks it when the schema is registered or tested.', severity: 'warning' }] };
  }
  const candidate = parse(format, schema, true);
  if (!candidate.ok) return { ok: false, problems: candidate.problems };
  const rules = rulesOf(level);
  const ordered = [...previous].sort((a, b) => b.version - a.version);
  const against = level.endsWith('_TRANSITIVE') ? ordered : ordered.slice(0, 1);
  if (rules.length === 0 || against.length === 0) return { ok: true, compatible: true, violations: [], checkedVersions: [] };

  const parsedPrevious: { version: number; schema: ParsedSchema }[] = [];
  const problems: (SchemaProblem & { version?: number })[] = [];
  for (const v of against) {
    const parsed = parse(format, v.definition, false);
    if (parsed.ok) parsedPrevious.push({ version: v.version, schema: parsed.schema });
    else problems.push(...parsed.problems.map((p) => ({ ...p, message: `Version ${v.version}: ${p.message}`, version: v.version })));
  }
  if (problems.length > 0) return { ok: false, problems };

  const violations: CompatibilityViolation[] = [];
  for (const { version, schema: old } of parsedPrevious) {
    for (const rule of rules) {
      const findings = rule === 'BACKWARD' ? incompatibilities(candidate.schema, old, true) : incompatibilities(old, candidate.schema, false);
      for (const finding of findings) {
        violations.push({
          rule,
          version,
          kind: finding.kind,
          path: finding.path,
          message: `${finding.message}: ${consequence(rule, version)}`,
          ...candidate.schema.locate(finding.path),
        });
      }
    }
  }
  return { ok: true, compatible: violations.length === 0, violations, checkedVersions: parsedPrevious.map((p) => p.version) };
}

function consequence(rule: CompatibilityRule, version: number): string {
  return rule === 'BACKWARD' ? `data written with version ${version} cannot be read by the new schema` : `data written with the new schema cannot be read by consumers on version ${version}`;
}

type ParsedSchema =
  | { format: 'AVRO'; root: AvroNode; locate: (path: string) => { line: number; column: number } | Record<string, never> }
  | { format: 'JSON'; value: unknown; locate: (path: string) => { line: number; column: number } | Record<string, never> };

/** Registered versions were validated by the registry; only the candidate goes through the full validator (ajv is the slow part). */
function parse(format: 'AVRO' | 'JSON', text: string, validate: boolean): { ok: true; schema: ParsedSchema } | { ok: false; problems: SchemaProblem[] } {
  if (validate) {
    const validation = validateSchema(format, text);
    if (!validation.ok) return validation;
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const { json } = parsed;
  if (format === 'JSON') return { ok: true, schema: { format, value: json.value, locate: (path) => json.locate(path) ?? {} } };
  const avro = parseAvroSchema(json.value);
  if (!avro.ok) return { ok: false, problems: [{ message: `Invalid Avro schema: ${avro.message}`, severity: 'error' }] };
  return { ok: true, schema: { format, root: avro.avro.root, locate: (path) => json.locate(avroPointer(json, path)) ?? {} } };
}

/** `reader` reads what `writer` wrote; both parsed from the same format. */
function incompatibilities(reader: ParsedSchema, writer: ParsedSchema, readerIsNew: boolean): SchemaIncompatibility[] {
  if (reader.format === 'AVRO' && writer.format === 'AVRO') return avroIncompatibilities(reader.root, writer.root, readerIsNew);
  if (reader.format === 'JSON' && writer.format === 'JSON') return jsonSchemaIncompatibilities(writer.value, reader.value, readerIsNew);
  return [];
}

/**
 * Turns a by-name Avro path ("/fields/task/fields/due_date") into a JSON pointer into the schema text
 * ("/fields/5/type/1/fields/2"), following unions and references to named types defined elsewhere in the
 * document. Stops at the deepest element it can find.
 */
function avroPointer(json: JsonText, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const definitions = new Map<string, string>();
  for (const pointer of json.find(({ value }) => isSchemaObject(value) && ['record', 'error', 'enum', 'fixed'].includes(String(value.type)) && typeof value.name === 'string')) {
    const name = String((valueAt(json.value, pointer) as Record<string, unknown>).name);
    const short = name.slice(name.lastIndexOf('.') + 1);
    if (!definitions.has(short)) definitions.set(short, pointer);
  }
  const wants: Record<string, string> = { fields: 'fields', items: 'items', values: 'values', symbols: 'symbols', size: 'size' };
  /** The type object at `pointer` that has `key`, looking through unions, `{"type": {...}}` wrappers and named references. */
  const typeWith = (pointer: string, key: string, depth = 0): string | undefined => {
    if (depth > 8) return undefined;
    const node = valueAt(json.value, pointer);
    if (typeof node === 'string') {
      const target = definitions.get(node.slice(node.lastIndexOf('.') + 1));
      return target === undefined ? undefined : typeWith(target, key, depth + 1);
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = typeWith(`${pointer}/${i}`, key, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (!isSchemaObject(node)) return undefined;
    if (key in node) return pointer;
    return typeof node.type === 'object' || (typeof node.type === 'string' && definitions.has(node.type)) ? typeWith(`${pointer}/type`, key, depth + 1) : undefined;
  };

  let best = '';
  let current = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    const key = wants[segment];
    if (key === undefined) break;
    const owner = typeWith(current, key);
    if (owner === undefined) break;
    if (segment === 'fields') {
      const name = segments[++i];
      const fields = (valueAt(json.value, owner) as Record<string, unknown>).fields;
      const index = Array.isArray(fields) ? fields.findIndex((f) => isSchemaObject(f) && f.name === name) : -1;
      if (index < 0) {
        best = owner;
        break;
      }
      best = `${owner}/fields/${index}`;
      current = `${best}/type`;
    } else {
      best = `${owner}/${key}`;
      current = best;
    }
  }
  return best;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const segment of pointer.split('/').slice(1)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isSchemaObject(node)) node = node[segment];
    else return undefined;
  }
  return node;
}
