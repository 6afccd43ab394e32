import type { AvroNode, AvroPrimitiveName } from './avro-model';

/**
 * Whether an Avro reader schema can read everything a writer schema wrote, by the resolution rules of the
 * Avro specification, classified the way Avro's SchemaCompatibility (which Confluent's registry runs)
 * names its incompatibilities:
 *
 * - READER_FIELD_MISSING_DEFAULT_VALUE: the reader has a field the writer lacks (by name or reader alias) and no default for it.
 * - TYPE_MISMATCH: the types differ and the writer's cannot be promoted (int→long→float→double, string↔bytes).
 * - NAME_MISMATCH: a record, enum or fixed changed its name and the reader has no alias for the writer's.
 * - FIXED_SIZE_MISMATCH: a fixed changed size.
 * - MISSING_ENUM_SYMBOLS: the writer has symbols the reader lacks and the reader's enum has no default.
 * - MISSING_UNION_BRANCH: a branch of the writer's union has no branch of the reader that can read it.
 *
 * Like the registry: names compare unqualified (a namespace change alone is compatible); logical types are
 * annotations and do not affect compatibility; a reader union reads a writer branch when any of its own
 * branches can; a recursive pair already being compared counts as compatible.
 */
export type AvroIncompatibilityKind =
  | 'READER_FIELD_MISSING_DEFAULT_VALUE'
  | 'TYPE_MISMATCH'
  | 'NAME_MISMATCH'
  | 'FIXED_SIZE_MISMATCH'
  | 'MISSING_ENUM_SYMBOLS'
  | 'MISSING_UNION_BRANCH';

export interface SchemaIncompatibility<K extends string = string> {
  kind: K;
  /** Where in the schema, by field name: "/fields/task/fields/due_date", "/fields/tags/items", "/fields/status/symbols". */
  path: string;
  /** The change in old → new terms, e.g. `field "due_date" was added without a default`. */
  message: string;
}

const PROMOTIONS: Record<AvroPrimitiveName, readonly AvroPrimitiveName[]> = {
  null: [],
  boolean: [],
  int: ['long', 'float', 'double'],
  long: ['float', 'double'],
  float: ['double'],
  double: [],
  bytes: ['string'],
  string: ['bytes'],
};

type Named = Extract<AvroNode, { name: string }>;

/**
 * The incompatibilities found when `reader` reads data written with `writer`. `readerIsNew` only affects
 * wording: changes are always told from the old schema to the new one.
 */
export function avroIncompatibilities(reader: AvroNode, writer: AvroNode, readerIsNew: boolean): SchemaIncompatibility<AvroIncompatibilityKind>[] {
  const verdicts = new Map<AvroNode, Map<AvroNode, boolean>>();
  const inProgress = new Map<AvroNode, Set<AvroNode>>();

  /** Path-independent yes/no, memoised: union branch selection asks it many times. */
  const canRead = (r: AvroNode, w: AvroNode): boolean => {
    const known = verdicts.get(r)?.get(w);
    if (known !== undefined) return known;
    if (inProgress.get(r)?.has(w)) return true;
    const verdict = collect(r, w, '').length === 0;
    if (!verdicts.has(r)) verdicts.set(r, new Map());
    verdicts.get(r)?.set(w, verdict);
    return verdict;
  };

  const collect = (r: AvroNode, w: AvroNode, path: string): SchemaIncompatibility<AvroIncompatibilityKind>[] => {
    if (inProgress.get(r)?.has(w)) return [];
    if (!inProgress.has(r)) inProgress.set(r, new Set());
    inProgress.get(r)?.add(w);
    try {
      return compare(r, w, path);
    } finally {
      inProgress.get(r)?.delete(w);
    }
  };

  const old = (r: AvroNode, w: AvroNode) => (readerIsNew ? w : r);
  const updated = (r: AvroNode, w: AvroNode) => (readerIsNew ? r : w);
  const typeChanged = (r: AvroNode, w: AvroNode, path: string): SchemaIncompatibility<AvroIncompatibilityKind> => ({
    kind: 'TYPE_MISMATCH',
    path,
    message: `${where(path)} changed from ${typeLabel(old(r, w))} to ${typeLabel(updated(r, w))}`,
  });
  const branchMissing = (wb: AvroNode, path: string): SchemaIncompatibility<AvroIncompatibilityKind> => ({
    kind: 'MISSING_UNION_BRANCH',
    path,
    message: readerIsNew ? `${where(path)} no longer allows ${typeLabel(wb)}` : `${where(path)} now also allows ${typeLabel(wb)}`,
  });

  const compare = (r: AvroNode, w: AvroNode, path: string): SchemaIncompatibility<AvroIncompatibilityKind>[] => {
    if (w.kind === 'union') {
      return w.branches.flatMap((wb) => {
        if (r.kind === 'union') {
          if (r.branches.some((rb) => canRead(rb, wb))) return [];
          const twin = r.branches.find((rb) => sameShape(rb, wb));
          return twin ? collect(twin, wb, path) : [branchMissing(wb, path)];
        }
        if (canRead(r, wb)) return [];
        return sameShape(r, wb) ? collect(r, wb, path) : [branchMissing(wb, path)];
      });
    }
    if (r.kind === 'union') {
      if (r.branches.some((rb) => canRead(rb, w))) return [];
      const twin = r.branches.find((rb) => sameShape(rb, w));
      return twin ? collect(twin, w, path) : [typeChanged(r, w, path)];
    }
    if (r.kind === 'primitive' && w.kind === 'primitive') {
      return r.type === w.type || PROMOTIONS[w.type].includes(r.type) ? [] : [typeChanged(r, w, path)];
    }
    if (r.kind !== w.kind) return [typeChanged(r, w, path)];

    const found: SchemaIncompatibility<AvroIncompatibilityKind>[] = [];
    if ('name' in r && 'name' in w && !nameMatches(r, w as Named)) {
      const [o, n] = readerIsNew ? [w as Named, r] : [r, w as Named];
      found.push({
        kind: 'NAME_MISMATCH',
        path,
        message: `${r.kind} "${shortName(o.name)}"${path ? ` of ${where(path)}` : ''} was renamed to "${shortName(n.name)}"${readerIsNew ? ` without the alias "${o.name}"` : ''}`,
      });
    }
    switch (r.kind) {
      case 'record': {
        const writer = w as Extract<AvroNode, { kind: 'record' }>;
        for (const field of r.fields) {
          const fieldPath = `${path}/fields/${field.name}`;
          const source = writer.fields.find((f) => f.name === field.name) ?? field.aliases.map((a) => writer.fields.find((f) => f.name === a)).find((f) => f !== undefined);
          if (source) found.push(...collect(field.type, source.type, fieldPath));
          else if (!field.hasDefault) {
            found.push({
              kind: 'READER_FIELD_MISSING_DEFAULT_VALUE',
              path: fieldPath,
              message: readerIsNew ? `${where(fieldPath)} was added without a default` : `${where(fieldPath)} was removed while the old schema has no default for it`,
            });
          }
        }
        break;
      }
      case 'enum': {
        const writer = w as Extract<AvroNode, { kind: 'enum' }>;
        const missing = writer.symbols.filter((s) => !r.symbols.includes(s));
        if (missing.length > 0 && r.default === undefined) {
          const list = missing.map((s) => `"${s}"`).join(', ');
          const plural = missing.length > 1 ? 's' : '';
          found.push({
            kind: 'MISSING_ENUM_SYMBOLS',
            path: `${path}/symbols`,
            message: readerIsNew
              ? `enum "${shortName(r.name)}" of ${where(path)} lost symbol${plural} ${list} and has no default`
              : `enum "${shortName(writer.name)}" of ${where(path)} gained symbol${plural} ${list}, which the old schema has no enum default for`,
          });
        }
        break;
      }
      case 'fixed': {
        const writer = w as Extract<AvroNode, { kind: 'fixed' }>;
        if (writer.size !== r.size) {
          const [o, n] = readerIsNew ? [writer.size, r.size] : [r.size, writer.size];
          found.push({ kind: 'FIXED_SIZE_MISMATCH', path: `${path}/size`, message: `fixed "${shortName(r.name)}" of ${where(path)} changed size from ${o} to ${n} bytes` });
        }
        break;
      }
      case 'array':
        found.push(...collect(r.items, (w as Extract<AvroNode, { kind: 'array' }>).items, `${path}/items`));
        break;
      case 'map':
        found.push(...collect(r.values, (w as Extract<AvroNode, { kind: 'map' }>).values, `${path}/values`));
        break;
    }
    return found;
  };

  return dedupe(collect(reader, writer, ''));
}

/** Reader and writer named types match by unqualified name, or by an alias of the reader's naming the writer. */
function nameMatches(reader: Named, writer: Named): boolean {
  return shortName(reader.name) === shortName(writer.name) || reader.aliases.includes(writer.name);
}

/** Whether two types are "the same thing, changed" rather than different things, to report the change inside rather than a swap. */
function sameShape(a: AvroNode, b: AvroNode): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'primitive' && b.kind === 'primitive') return a.type === b.type || PROMOTIONS[b.type].includes(a.type);
  if ('name' in a && 'name' in b) return nameMatches(a, b as Named);
  return true;
}

function shortName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

export function typeLabel(node: AvroNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.logicalType ? `${node.type} (${node.logicalType})` : node.type;
    case 'record':
    case 'enum':
      return `${node.kind} ${shortName(node.name)}`;
    case 'fixed':
      return `fixed ${shortName(node.name)}(${node.size})`;
    case 'array':
      return `array<${typeLabel(node.items)}>`;
    case 'map':
      return `map<${typeLabel(node.values)}>`;
    case 'union':
      return `[${node.branches.map(typeLabel).join(', ')}]`;
  }
}

/** `field "task.due_date"`, `field "tags[]"` (array items), `field "labels{}"` (map values), or `the schema`. */
export function where(path: string): string {
  const segments = path.split('/').filter(Boolean);
  let label = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === 'fields') label += (label ? '.' : '') + (segments[++i] ?? '');
    else if (segment === 'items') label += '[]';
    else if (segment === 'values') label += '{}';
  }
  return label ? `field "${label}"` : 'the schema';
}

function dedupe<T extends { kind: string; path: string; message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = `${i.kind} ${i.path} ${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
