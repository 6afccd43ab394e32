import protobuf from 'protobufjs';
import type { SchemaFormat } from '../design/model';
import { type AvroNode, parseAvroSchema } from './avro-model';
import { isSchemaObject, resolveLocalRef } from './json-schema-walk';
import { parseJsonText, type SchemaProblem } from './json-text';
import { parseProtobuf, protobufMessageTypes } from './protobuf-model';
import { validateSchema } from './validate-schema';

/**
 * A deterministic example message for a schema, for the producer form and the docs panel: the same schema
 * always gives the same message, so tests and screenshots can compare it.
 *
 * - Avro: in Avro's JSON encoding (unions wrapped as {"string": "x"}, bytes as a string of code points
 *   0–255), which avsc's `Type#fromString` and kafka-avro-console-producer read. Fields take their default
 *   unless it is null (then the first non-null branch shows the shape), enums their first symbol, logical
 *   types a fixed instant (2024-01-15T09:30:00Z), strings an example chosen by field name.
 * - JSON Schema: `examples[0]`, then `const`, `default`, `enum[0]`, then by type, honouring `format`,
 *   length and range bounds; every declared property is filled in, required ones first if undeclared.
 * - Protobuf: in the proto3 JSON mapping (int64 as strings, Timestamp as RFC 3339), each field at its
 *   type's default value; repeated and map fields hold one default element, a oneof its first member.
 *   The message type defaults to the file's first, as the registry's serializers do.
 */
export type SampleMessage = { ok: true; value: unknown; text: string } | { ok: false; problems: SchemaProblem[] };

export interface SampleOptions {
  /** Protobuf only: the fully qualified message type ("acme.tasks.TaskEvent"); the first message when absent. */
  messageType?: string;
}

export const EXAMPLE_INSTANT = '2024-01-15T09:30:00Z';
export const EXAMPLE_EPOCH_MILLIS = Date.UTC(2024, 0, 15, 9, 30);
export const EXAMPLE_UUID = '3f5e1a7c-9b2d-4c8e-a1f0-6d2b8e4c7a19';

export function sampleMessage(format: SchemaFormat, text: string, options: SampleOptions = {}): SampleMessage {
  const validation = validateSchema(format, text);
  if (!validation.ok) return validation;
  if (format === 'PROTOBUF') return protobufSample(text, options.messageType);
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  if (format === 'JSON') return done(jsonSchemaSample(parsed.json.value, parsed.json.value, '', new Set(), 0));
  const avro = parseAvroSchema(parsed.json.value);
  if (!avro.ok) return { ok: false, problems: [{ message: avro.message, severity: 'error' }] };
  return done(avroSample(avro.avro.root, '', new Set()));
}

function done(value: unknown): SampleMessage {
  return { ok: true, value, text: JSON.stringify(value, null, 2) };
}

/** An example string that fits the field's name: ids look like ids, e-mails like e-mails. */
export function exampleString(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .toLowerCase();
  if (/e-?mail/.test(words)) return 'jane.doe@example.com';
  if (/\b(url|uri|link|href|website)\b/.test(words)) return 'https://example.com/tasks/42';
  if (/\bid$|\bid\b|\buuid\b/.test(words)) return EXAMPLE_UUID;
  if (/\bphone\b/.test(words)) return '+1-202-555-0143';
  if (/\b(date|time|timestamp|at)$/.test(words)) return EXAMPLE_INSTANT;
  if (/\bcountry\b/.test(words)) return 'US';
  if (/\bcurrency\b/.test(words)) return 'EUR';
  if (/\b(locale|language|lang)\b/.test(words)) return 'en-US';
  return words ? `example ${words}` : 'example';
}

const isTimeName = (name: string) => /(_at|At|time|Time|timestamp|Timestamp|date|Date)$/.test(name);

// Avro

function avroSample(node: AvroNode, name: string, building: Set<AvroNode>): unknown {
  switch (node.kind) {
    case 'primitive':
      return avroPrimitive(node.type, node.logicalType, name);
    case 'enum':
      return node.symbols[0];
    case 'fixed':
      return '\u0000'.repeat(node.size);
    case 'array':
      return canBuild(node.items, building) ? [avroSample(node.items, singular(name), building)] : [];
    case 'map':
      return canBuild(node.values, building) ? { key: avroSample(node.values, name, building) } : {};
    case 'union': {
      const index = node.branches.findIndex((b) => !(b.kind === 'primitive' && b.type === 'null') && canBuild(b, building));
      const chosen = index >= 0 ? index : node.branches.findIndex((b) => b.kind === 'primitive' && b.type === 'null');
      const branch = node.branches[chosen < 0 ? 0 : chosen];
      if (branch === undefined || (branch.kind === 'primitive' && branch.type === 'null')) return null;
      return { [node.branchNames[chosen < 0 ? 0 : chosen] ?? '']: avroSample(branch, name, building) };
    }
    case 'record': {
      // Only a schema no data can satisfy nests a record in itself without a union, array or map on the way.
      if (building.has(node)) return {};
      building.add(node);
      const value: Record<string, unknown> = {};
      for (const field of node.fields) {
        value[field.name] = field.hasDefault && field.default !== null ? field.default : avroSample(field.type, field.name, building);
      }
      building.delete(node);
      return value;
    }
  }
}

/** A record already being built cannot be nested again; unions, arrays and maps then take a way out. */
function canBuild(node: AvroNode, building: Set<AvroNode>): boolean {
  return !(node.kind === 'record' && building.has(node));
}

function avroPrimitive(type: string, logicalType: string | undefined, name: string): unknown {
  switch (logicalType) {
    case 'timestamp-millis':
    case 'local-timestamp-millis':
      return EXAMPLE_EPOCH_MILLIS;
    case 'timestamp-micros':
    case 'local-timestamp-micros':
      return EXAMPLE_EPOCH_MILLIS * 1000;
    case 'date':
      return Math.floor(EXAMPLE_EPOCH_MILLIS / 86_400_000);
    case 'time-millis':
      return 34_200_000;
    case 'time-micros':
      return 34_200_000_000;
    case 'uuid':
      return EXAMPLE_UUID;
    case 'decimal':
      // 1234 as a two's-complement big-endian unscaled value: 12.34 at scale 2.
      return '\u0004\u00d2';
  }
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'int':
      return 1;
    case 'long':
      return isTimeName(name) ? EXAMPLE_EPOCH_MILLIS : 1;
    case 'float':
    case 'double':
      return 1.5;
    case 'bytes':
      return '\u00de\u00ad\u00be\u00ef';
    default:
      return exampleString(name);
  }
}

function singular(name: string): string {
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') ? name.slice(0, -1) : name;
}

// JSON Schema

const FORMAT_EXAMPLES: Record<string, string> = {
  'date-time': EXAMPLE_INSTANT,
  date: EXAMPLE_INSTANT.slice(0, 10),
  time: '09:30:00Z',
  duration: 'PT15M',
  email: 'jane.doe@example.com',
  'idn-email': 'jane.doe@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  uri: 'https://example.com/tasks/42',
  iri: 'https://example.com/tasks/42',
  'uri-reference': '/tasks/42',
  'iri-reference': '/tasks/42',
  'uri-template': 'https://example.com/tasks/{id}',
  'json-pointer': '/tasks/0',
  'relative-json-pointer': '0/tasks',
  regex: '^task-[0-9]+$',
  uuid: EXAMPLE_UUID,
};

function jsonSchemaSample(node: unknown, root: unknown, name: string, building: Set<unknown>, depth: number): unknown {
  if (node === true || node === false || !isSchemaObject(node) || depth > 32) return exampleString(name);
  if (typeof node.$ref === 'string') {
    const target = resolveLocalRef(root, node.$ref);
    const { $ref: _ref, ...siblings } = node;
    // Without siblings the target itself is sampled, so the recursion guard recognises it.
    if (target !== undefined && isSchemaObject(target)) return jsonSchemaSample(Object.keys(siblings).length === 0 ? target : { ...target, ...siblings }, root, name, building, depth + 1);
    if (Object.keys(siblings).length === 0) return exampleString(name);
    node = siblings;
  }
  const s = node as Record<string, unknown>;
  if (Array.isArray(s.examples) && s.examples.length > 0) return s.examples[0];
  if ('const' in s) return s.const;
  if ('default' in s) return s.default;
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0];
  if (Array.isArray(s.allOf)) {
    const { allOf, ...rest } = s;
    const merged = (allOf as unknown[]).reduce<Record<string, unknown>>((acc, branch) => mergeForSample(acc, resolved(branch, root)), rest);
    return jsonSchemaSample(merged, root, name, building, depth + 1);
  }
  const options = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (options) {
    const { anyOf: _a, oneOf: _o, ...rest } = s;
    const option = options.find((o) => !(isSchemaObject(o) && o.type === 'null')) ?? options[0];
    return jsonSchemaSample(mergeForSample(rest, resolved(option, root)), root, name, building, depth + 1);
  }

  switch (jsonType(s)) {
    case 'null':
      return null;
    case 'boolean':
      return false;
    case 'integer':
      return numberSample(s, true, name);
    case 'number':
      return numberSample(s, false, name);
    case 'string':
      return stringSample(s, name);
    case 'array':
      return arraySample(s, root, name, building, depth);
    case 'object':
      return objectSample(s, root, building, depth);
    default:
      return exampleString(name);
  }
}

function resolved(node: unknown, root: unknown): Record<string, unknown> {
  if (isSchemaObject(node) && typeof node.$ref === 'string') {
    const target = resolveLocalRef(root, node.$ref);
    if (isSchemaObject(target)) return target;
  }
  return isSchemaObject(node) ? node : {};
}

function mergeForSample(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const result = { ...a, ...b };
  if (isSchemaObject(a.properties) && isSchemaObject(b.properties)) result.properties = { ...a.properties, ...b.properties };
  if (Array.isArray(a.required) && Array.isArray(b.required)) result.required = [...a.required, ...b.required];
  if (a.type !== undefined && b.type === undefined) result.type = a.type;
  return result;
}

/** The first non-null type, or the type the keywords imply. */
function jsonType(s: Record<string, unknown>): string | undefined {
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as string[]) : [];
  const chosen = types.find((t) => t !== 'null') ?? types[0];
  if (chosen !== undefined) return chosen;
  if (['properties', 'required', 'additionalProperties', 'patternProperties'].some((k) => k in s)) return 'object';
  if (['items', 'prefixItems', 'minItems', 'maxItems'].some((k) => k in s)) return 'array';
  if (['minLength', 'maxLength', 'pattern', 'format'].some((k) => k in s)) return 'string';
  if (['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'].some((k) => k in s)) return 'number';
  return undefined;
}

function stringSample(s: Record<string, unknown>, name: string): string {
  let value = (typeof s.format === 'string' ? FORMAT_EXAMPLES[s.format] : undefined) ?? exampleString(name);
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  if (value.length < min) value = value.padEnd(min, 'x');
  if (value.length > max) value = value.slice(0, max);
  return value;
}

function numberSample(s: Record<string, unknown>, integer: boolean, name: string): number {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const step = num(s.multipleOf) ?? (integer ? 1 : 0.5);
  const exclusiveMin = num(s.exclusiveMinimum);
  const exclusiveMax = num(s.exclusiveMaximum);
  const lower = num(s.minimum) ?? (exclusiveMin !== undefined ? exclusiveMin + step : undefined);
  const upper = num(s.maximum) ?? (exclusiveMax !== undefined ? exclusiveMax - step : undefined);
  let value = integer && isTimeName(name) && lower === undefined && upper === undefined ? EXAMPLE_EPOCH_MILLIS : integer ? 1 : 1.5;
  if (lower !== undefined && value < lower) value = lower;
  if (upper !== undefined && value > upper) value = upper;
  if (num(s.multipleOf) !== undefined) value = Math.ceil(value / step) * step;
  if (upper !== undefined && value > upper) value -= step;
  return integer ? Math.round(value) : value;
}

function arraySample(s: Record<string, unknown>, root: unknown, name: string, building: Set<unknown>, depth: number): unknown[] {
  const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
  const values = prefix.map((item) => jsonSchemaSample(item, root, singular(name), building, depth + 1));
  const rest = Array.isArray(s.items) ? undefined : Array.isArray(s.prefixItems) ? s.items : s.items;
  if (rest === undefined || rest === false || prefix.length > 0) return values;
  const target = resolved(rest, root);
  if (building.has(target)) return values;
  const count = Math.max(1, typeof s.minItems === 'number' ? s.minItems : 1);
  for (let i = 0; i < count; i++) values.push(jsonSchemaSample(rest, root, singular(name), building, depth + 1));
  return values;
}

function objectSample(s: Record<string, unknown>, root: unknown, building: Set<unknown>, depth: number): Record<string, unknown> {
  building.add(s);
  const value: Record<string, unknown> = {};
  const properties = isSchemaObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  for (const [key, schema] of Object.entries(properties)) {
    // A recursive optional property is left out; a recursive required one is cut off by the depth limit.
    if (building.has(resolved(schema, root)) && !required.has(key)) continue;
    value[key] = jsonSchemaSample(schema, root, key, building, depth + 1);
  }
  for (const key of required) if (!(key in value)) value[key] = exampleString(key);
  building.delete(s);
  return value;
}

// Protobuf

const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const WELL_KNOWN: Record<string, unknown> = {
  '.google.protobuf.Timestamp': '1970-01-01T00:00:00Z',
  '.google.protobuf.Duration': '0s',
  '.google.protobuf.Struct': {},
  '.google.protobuf.Value': null,
  '.google.protobuf.ListValue': [],
  '.google.protobuf.FieldMask': '',
  '.google.protobuf.Empty': {},
  '.google.protobuf.Any': {},
  '.google.protobuf.StringValue': '',
  '.google.protobuf.BytesValue': '',
  '.google.protobuf.BoolValue': false,
  '.google.protobuf.Int32Value': 0,
  '.google.protobuf.UInt32Value': 0,
  '.google.protobuf.Int64Value': '0',
  '.google.protobuf.UInt64Value': '0',
  '.google.protobuf.FloatValue': 0,
  '.google.protobuf.DoubleValue': 0,
};

function protobufSample(text: string, messageType: string | undefined): SampleMessage {
  const parsed = parseProtobuf(text);
  if (!parsed.ok) return { ok: false, problems: [{ message: parsed.message, severity: 'error' }] };
  if (parsed.unresolvedImports.length > 0) {
    return { ok: false, problems: [{ message: `A sample needs every type resolved; "${parsed.unresolvedImports[0]}" comes from a schema reference the registry resolves.`, severity: 'warning' }] };
  }
  const types = protobufMessageTypes(parsed.root);
  const wanted = messageType?.replace(/^\./, '');
  const type = wanted === undefined ? types[0] : types.find((t) => t.fullName.slice(1) === wanted);
  if (type === undefined) {
    const message = wanted === undefined ? 'The schema declares no message type.' : `No message type "${wanted}"; the schema declares ${types.map((t) => t.fullName.slice(1)).join(', ') || 'none'}.`;
    return { ok: false, problems: [{ message, severity: 'error' }] };
  }
  return done(protobufMessage(type, new Set()));
}

function protobufMessage(type: protobuf.Type, building: Set<protobuf.Type>): Record<string, unknown> {
  building.add(type);
  const value: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const oneof = field.partOf;
    if (oneof && oneof.oneof[0] !== field.name) continue;
    const resolvedType = field.resolvedType;
    // A message field that would nest the message in itself is left unset, which proto3 allows.
    if (resolvedType instanceof protobuf.Type && building.has(resolvedType)) continue;
    const element = protobufValue(field, building);
    if (field instanceof protobuf.MapField) value[field.name] = { [field.keyType === 'string' ? 'key' : field.keyType === 'bool' ? 'false' : '0']: element };
    else value[field.name] = field.repeated ? [element] : element;
  }
  building.delete(type);
  return value;
}

function protobufValue(field: protobuf.Field, building: Set<protobuf.Type>): unknown {
  const resolvedType = field.resolvedType;
  if (resolvedType instanceof protobuf.Enum) return Object.keys(resolvedType.values)[0] ?? 0;
  if (resolvedType instanceof protobuf.Type) {
    const wellKnown = WELL_KNOWN[resolvedType.fullName];
    return wellKnown !== undefined || resolvedType.fullName in WELL_KNOWN ? wellKnown : protobufMessage(resolvedType, building);
  }
  switch (field.type) {
    case 'bool':
      return false;
    case 'string':
    case 'bytes':
      return '';
    default:
      return INT64.has(field.type) ? '0' : 0;
  }
}
