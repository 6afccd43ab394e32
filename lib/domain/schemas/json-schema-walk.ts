import { joinPointer, pointerSegments } from './json-text';

/** Keywords whose value is a map of name → subschema. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'] as const;
/** Keywords whose value is one subschema. */
const SCHEMA_VALUES = ['additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems', 'contentSchema'] as const;
/** Keywords whose value is a list of subschemas. */
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;

export type JsonSchemaNode = boolean | Record<string, unknown>;

export function isSchemaObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Every subschema of a JSON Schema document (the root included) with its JSON pointer, across drafts 06
 * to 2020-12: keywords are recognised wherever they appear, which is what a validator of any of those
 * drafts does too. Values of `const`, `enum`, `default` and `examples` are data, never walked.
 */
export function subschemaPointers(root: unknown): { pointer: string; schema: Record<string, unknown> }[] {
  const found: { pointer: string; schema: Record<string, unknown> }[] = [];
  const visit = (schema: unknown, pointer: string) => {
    if (!isSchemaObject(schema)) return;
    found.push({ pointer, schema });
    for (const keyword of SCHEMA_MAPS) {
      const map = schema[keyword];
      if (isSchemaObject(map)) for (const [name, sub] of Object.entries(map)) visit(sub, joinPointer(pointer, keyword, name));
    }
    const dependencies = schema.dependencies;
    if (isSchemaObject(dependencies)) {
      for (const [name, sub] of Object.entries(dependencies)) if (isSchemaObject(sub)) visit(sub, joinPointer(pointer, 'dependencies', name));
    }
    for (const keyword of SCHEMA_VALUES) visit(schema[keyword], joinPointer(pointer, keyword));
    for (const keyword of SCHEMA_LISTS) {
      const list = schema[keyword];
      if (Array.isArray(list)) list.forEach((sub, i) => visit(sub, joinPointer(pointer, keyword, i)));
    }
    const items = schema.items;
    if (Array.isArray(items)) items.forEach((sub, i) => visit(sub, joinPointer(pointer, 'items', i)));
    else visit(items, joinPointer(pointer, 'items'));
  };
  visit(root, '');
  return found;
}

/**
 * Follows a local `$ref` ("#", "#/definitions/X", "#/$defs/X") to its target in the document; anything else
 * (another document, an `$id`-based reference or `$anchor`) is left to the registry and returns undefined.
 */
export function resolveLocalRef(root: unknown, ref: string): JsonSchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const segment of pointerSegments(decodeURIComponent(ref))) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) node = node[Number(segment)];
    else if (isSchemaObject(node)) node = node[segment];
    else return undefined;
  }
  return typeof node === 'boolean' || isSchemaObject(node) ? node : undefined;
}
