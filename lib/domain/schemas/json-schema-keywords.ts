import { isSchemaObject, type JsonSchemaNode } from './json-schema-walk';
import { pointerSegments } from './json-text';

/** Keyword-level helpers for json-schema-compatibility.ts: reading bounds, types, tuples and dependencies off a schema, and naming places in it. */
type Schema = Record<string, unknown>;

export const ALL_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] as const;
/** Keywords that do not constrain instances. */
const ANNOTATIONS = new Set(['$schema', '$id', 'id', '$comment', '$anchor', '$dynamicAnchor', '$vocabulary', 'title', 'description', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'format', 'contentMediaType', 'contentEncoding', 'definitions', '$defs']);

export function isEmpty(node: unknown): boolean {
  if (node === true) return true;
  return isSchemaObject(node) && Object.keys(node).every((k) => ANNOTATIONS.has(k));
}

export function isRemoteRef(s: Schema): boolean {
  return typeof s.$ref === 'string' && !s.$ref.startsWith('#');
}

export function sumOf(s: Schema): { keyword: 'anyOf' | 'oneOf'; branches: unknown[] } | undefined {
  if (Array.isArray(s.anyOf)) return { keyword: 'anyOf', branches: s.anyOf };
  if (Array.isArray(s.oneOf)) return { keyword: 'oneOf', branches: s.oneOf };
  return undefined;
}

export function withoutSum(s: Schema): Schema {
  const { anyOf: _anyOf, oneOf: _oneOf, ...rest } = s;
  return rest;
}

/** allOf as one schema: properties and required combine, types intersect, other keywords keep the first value met. */
export function merge(a: JsonSchemaNode, b: JsonSchemaNode): JsonSchemaNode {
  if (a === false || b === false) return false;
  if (a === true) return b;
  if (b === true) return a;
  const result: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    if (key === 'properties' && isSchemaObject(a.properties) && isSchemaObject(value)) result.properties = { ...value, ...a.properties };
    else if (key === 'required' && Array.isArray(a.required) && Array.isArray(value)) result.required = [...new Set([...(a.required as string[]), ...(value as string[])])];
    else if (key === 'type' && a.type !== undefined) {
      const types = typeSet(b).set ?? [];
      result.type = (typeSet(a).set ?? []).filter((t) => types.includes(t) || (t === 'integer' && types.includes('number')));
    } else if (!(key in result)) result[key] = value;
  }
  return result;
}

export function typeSet(s: Schema): { set: string[] | undefined; explicit: boolean } {
  if (typeof s.type === 'string') return { set: [s.type], explicit: true };
  if (Array.isArray(s.type)) return { set: s.type as string[], explicit: true };
  const values = Array.isArray(s.enum) ? (s.enum as unknown[]) : 'const' in s ? [s.const] : undefined;
  return { set: values ? [...new Set(values.map(jsonType))] : undefined, explicit: false };
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export function accepts(set: string[] | undefined, type: string): boolean {
  return set === undefined || set.includes(type) || (type === 'integer' && set.includes('number'));
}

export function typeLabel(set: string[] | undefined): string {
  if (set === undefined) return 'any';
  return set.length === 1 ? (set[0] ?? 'any') : `[${set.join(', ')}]`;
}

export function bound(s: Schema, side: 'upper' | 'lower'): { value: number; exclusive: boolean } | undefined {
  const inclusive = num(side === 'upper' ? s.maximum : s.minimum);
  const exclusive = num(side === 'upper' ? s.exclusiveMaximum : s.exclusiveMinimum);
  if (inclusive === undefined) return exclusive === undefined ? undefined : { value: exclusive, exclusive: true };
  if (exclusive === undefined) return { value: inclusive, exclusive: false };
  const tighter = side === 'upper' ? exclusive <= inclusive : exclusive >= inclusive;
  return tighter ? { value: exclusive, exclusive: true } : { value: inclusive, exclusive: false };
}

export function boundLabel(b: { value: number; exclusive: boolean } | undefined, side: 'upper' | 'lower'): string {
  if (b === undefined) return 'none';
  return `${side === 'upper' ? (b.exclusive ? '<' : '≤') : b.exclusive ? '>' : '≥'} ${b.value}`;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function isMultiple(value: number, of: number): boolean {
  const q = value / of;
  return Math.abs(q - Math.round(q)) < 1e-9;
}

export function hasDefault(node: unknown): boolean {
  return isSchemaObject(node) && 'default' in node;
}

export function dependencies(s: Schema): { required: Map<string, string[]>; schemas: Map<string, unknown> } {
  const required = new Map<string, string[]>();
  const schemas = new Map<string, unknown>();
  for (const source of [s.dependencies, s.dependentRequired, s.dependentSchemas]) {
    if (!isSchemaObject(source)) continue;
    for (const [name, value] of Object.entries(source)) {
      if (Array.isArray(value)) required.set(name, value as string[]);
      else schemas.set(name, value);
    }
  }
  return { required, schemas };
}

export function tuple(s: Schema): { prefix: unknown[]; rest: unknown } {
  if (Array.isArray(s.prefixItems)) return { prefix: s.prefixItems, rest: s.items ?? (s.unevaluatedItems === false ? false : true) };
  if (Array.isArray(s.items)) return { prefix: s.items, rest: s.additionalItems ?? true };
  return { prefix: [], rest: s.items ?? true };
}

export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
}

/** Canonical JSON (sorted keys) for comparing enum values. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isSchemaObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function show(value: unknown): string {
  if (value === undefined) return 'none';
  if (isSchemaObject(value)) return 'a schema';
  return JSON.stringify(value);
}

/** `task.due_date`, `tags[]`, `tags[0]`, `labels.*` for a pointer into a schema. */
export function labelOf(pointer: string): string {
  const segments = pointerSegments(pointer);
  let label = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const next = segments[i + 1];
    if (segment === 'properties' && next !== undefined) {
      label += (label ? '.' : '') + next;
      i++;
    } else if ((segment === 'items' || segment === 'prefixItems') && next !== undefined && /^\d+$/.test(next)) {
      label += `[${next}]`;
      i++;
    } else if (segment === 'items' || segment === 'additionalItems') label += '[]';
    else if (segment === 'additionalProperties') label += (label ? '.' : '') + '*';
    else if (segment === 'patternProperties' && next !== undefined) {
      label += `${label ? '.' : ''}/${next}/`;
      i++;
    } else if ((segment === 'anyOf' || segment === 'oneOf' || segment === 'dependentSchemas') && next !== undefined) i++;
  }
  return label;
}

export function where(path: string): string {
  const label = labelOf(path);
  return label ? `property "${label}"` : 'the schema';
}
