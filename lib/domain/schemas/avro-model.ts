import { Type } from 'avsc';

/**
 * An Avro schema as avsc resolved it (names qualified, references linked, defaults checked), in a shape
 * the compatibility checker and the sample generator can walk without reaching into avsc's private,
 * loosely typed fields. Records and other named types are shared by reference, so a recursive schema is
 * a cyclic graph: walkers must guard against revisiting a node.
 */
export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

export type AvroNode =
  | { kind: 'primitive'; type: AvroPrimitiveName; logicalType?: string }
  | { kind: 'record'; name: string; aliases: string[]; fields: AvroField[] }
  | { kind: 'enum'; name: string; aliases: string[]; symbols: string[]; default?: string }
  | { kind: 'fixed'; name: string; aliases: string[]; size: number; logicalType?: string }
  | { kind: 'array'; items: AvroNode }
  | { kind: 'map'; values: AvroNode }
  /** `branchNames` are the names Avro's JSON encoding wraps union values in ("string", "com.example.Task"). */
  | { kind: 'union'; branches: AvroNode[]; branchNames: string[] };

export interface AvroField {
  name: string;
  aliases: string[];
  type: AvroNode;
  hasDefault: boolean;
  /** The default in Avro's JSON encoding (a union's default wrapped in its branch name, bytes as a string). */
  default?: unknown;
}

export interface ParsedAvro {
  root: AvroNode;
  /** avsc's own type, for encoding and for cross-checks against its resolver. */
  type: Type;
}

export type AvroParseResult = { ok: true; avro: ParsedAvro } | { ok: false; message: string; near?: AvroErrorHint };

/** What avsc was looking at when it gave up, so the caller can place a marker. */
export interface AvroErrorHint {
  /** The innermost schema object avsc had started on. */
  schema?: object;
  /** A name or value mentioned by the error that should be found in the text. */
  token?: string;
  /** JSON text of a field default mentioned by the error. */
  defaultJson?: string;
}

/** avsc's runtime fields beyond its published typings. */
interface AvscType {
  typeName: string;
  name?: string;
  aliases?: string[];
  branchName?: string;
  fields?: { name: string; aliases?: string[]; type: AvscType & { toString(value: unknown): string }; defaultValue(): unknown }[];
  symbols?: string[];
  default?: string;
  size?: number;
  itemsType?: AvscType;
  valuesType?: AvscType;
  types?: AvscType[];
}

const PRIMITIVES: readonly string[] = ['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string'];

/**
 * Parses a schema value with avsc. Logical types are kept as annotations (avsc would otherwise drop
 * `logicalType` without an implementation), which is also what Avro readers do with unknown ones.
 */
export function parseAvroSchema(schema: unknown): AvroParseResult {
  const logicalTypes = new WeakMap<object, string>();
  let lastSchema: object | undefined;
  let type: Type;
  try {
    type = Type.forSchema(schema as Parameters<typeof Type.forSchema>[0], {
      typeHook: (attrs: unknown, opts: unknown) => {
        if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return undefined;
        lastSchema = attrs;
        const record = attrs as Record<string, unknown>;
        if (typeof record.logicalType !== 'string') return undefined;
        const { logicalType, ...underlying } = record;
        const t = Type.forSchema(underlying as Parameters<typeof Type.forSchema>[0], opts as Parameters<typeof Type.forSchema>[1]);
        logicalTypes.set(t, logicalType as string);
        return t;
      },
    } as Parameters<typeof Type.forSchema>[1]);
  } catch (e) {
    return { ok: false, message: (e as Error).message, near: errorHint((e as Error).message, lastSchema) };
  }
  const nodes = new Map<AvscType, AvroNode>();
  const convert = (t: AvscType): AvroNode => {
    const seen = nodes.get(t);
    if (seen) return seen;
    const logicalType = logicalTypes.get(t);
    const name = t.name ?? '';
    const aliases = t.aliases ?? [];
    const [kind] = t.typeName.split(':');
    if (kind !== undefined && PRIMITIVES.includes(kind)) {
      const node: AvroNode = { kind: 'primitive', type: kind as AvroPrimitiveName, ...(logicalType ? { logicalType } : {}) };
      nodes.set(t, node);
      return node;
    }
    switch (kind) {
      case 'record':
      case 'error': {
        const node: AvroNode = { kind: 'record', name, aliases, fields: [] };
        nodes.set(t, node);
        for (const f of t.fields ?? []) {
          // avsc defines `defaultValue` on a field only when the schema gives a default (null included).
          const hasDefault = Object.prototype.hasOwnProperty.call(f, 'defaultValue');
          const defaultJson = hasDefault ? (JSON.parse(f.type.toString(f.defaultValue())) as unknown) : undefined;
          node.fields.push({ name: f.name, aliases: f.aliases ?? [], type: convert(f.type), hasDefault, ...(hasDefault ? { default: defaultJson } : {}) });
        }
        return node;
      }
      case 'enum': {
        const node: AvroNode = { kind: 'enum', name, aliases, symbols: t.symbols ?? [], ...(t.default !== undefined ? { default: t.default } : {}) };
        nodes.set(t, node);
        return node;
      }
      case 'fixed': {
        const node: AvroNode = { kind: 'fixed', name, aliases, size: t.size ?? 0, ...(logicalType ? { logicalType } : {}) };
        nodes.set(t, node);
        return node;
      }
      case 'array': {
        const node = { kind: 'array', items: undefined as unknown as AvroNode } satisfies AvroNode;
        nodes.set(t, node);
        node.items = convert(t.itemsType as AvscType);
        return node;
      }
      case 'map': {
        const node = { kind: 'map', values: undefined as unknown as AvroNode } satisfies AvroNode;
        nodes.set(t, node);
        node.values = convert(t.valuesType as AvscType);
        return node;
      }
      case 'union': {
        const branches = t.types ?? [];
        const node: AvroNode = { kind: 'union', branches: [], branchNames: branches.map((b) => b.branchName ?? b.typeName) };
        nodes.set(t, node);
        for (const b of branches) node.branches.push(convert(b));
        return node;
      }
      default:
        throw new Error(`avsc returned an unexpected type "${t.typeName}"`);
    }
  };
  return { ok: true, avro: { root: convert(type as unknown as AvscType), type } };
}

function errorHint(message: string, schema: object | undefined): AvroErrorHint {
  const undefinedName = /^undefined type name: (.+)$/.exec(message);
  if (undefinedName) return { token: undefinedName[1] };
  const unknownType = /^unknown type: "(.+)"$/.exec(message);
  if (unknownType) return { token: unknownType[1] };
  const badDefault = /^incompatible field default (.+?) \(invalid/.exec(message);
  if (badDefault) return { schema, defaultJson: badDefault[1] };
  const symbol = /^(?:duplicate|invalid) .* symbol: "(.+)"$/.exec(message) ?? /^invalid .* default: "(.+)"$/.exec(message);
  if (symbol) return { schema, token: symbol[1] };
  const fieldName = /^invalid field name: (.+)$/.exec(message);
  if (fieldName) return { schema, token: fieldName[1] };
  return { schema };
}
