/** Reading untyped JSON (a parsed AsyncAPI document) without casts: small guards and JSON-pointer helpers. */
export type Json = Record<string, unknown>;

export function bindingOf(object: Json): Json {
  return isObject(object.bindings) && isObject(object.bindings.kafka) ? object.bindings.kafka : {};
}

/** The single value a binding schema pins (`enum: [x]`, `const: x` or `default: x`). */
export function schemaValue(schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (Array.isArray(schema.enum) && typeof schema.enum[0] === 'string') return schema.enum[0];
  return str(schema.const) ?? str(schema.default);
}

/** The components.schemas key a `$ref` points at, or null. */
export function componentRef(value: unknown): string | null {
  if (!isObject(value) || typeof value.$ref !== 'string') return null;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return match?.[1] === undefined ? null : unescapePointer(match[1]);
}

/** The channel key a `$ref` points at, or null. */
export function channelKeyOf(ref: unknown): string | null {
  if (typeof ref !== 'string') return null;
  const match = /^#\/channels\/([^/]+)$/.exec(ref);
  return match?.[1] === undefined ? null : unescapePointer(match[1]);
}

/** A JSON-pointer segment back to its key (RFC 6901, plus the URI encoding $refs may carry). */
export function unescapePointer(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A lone "%" is a character of the key, not an escape.
  }
  return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function int(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
