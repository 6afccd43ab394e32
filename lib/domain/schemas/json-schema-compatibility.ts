import type { SchemaIncompatibility } from './avro-compatibility';
import { accepts, ALL_TYPES, bound, boundLabel, canonical, dependencies, hasDefault, isEmpty, isMultiple, isRemoteRef, labelOf, merge, num, safeRegExp, show, sumOf, tuple, typeLabel, typeSet, where, withoutSum } from './json-schema-keywords';
import { isSchemaObject, type JsonSchemaNode, resolveLocalRef } from './json-schema-walk';
import { joinPointer } from './json-text';

/**
 * Whether a JSON Schema reader accepts every document a writer schema accepts, following the rules of
 * Confluent's JSON Schema compatibility checker (its `SchemaDiff`, whose difference names we reuse). The
 * reader must be at least as permissive as the writer:
 *
 * Covered: `type` narrowed or changed (integer ⊂ number); `enum`/`const` added or narrowed; string
 * `minLength`/`maxLength`/`pattern`; number `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`/
 * `multipleOf`; object `properties` added or removed under open, closed and partially open content models
 * (`additionalProperties`, `patternProperties`, `unevaluatedProperties: false`), `required` added (unless
 * the property has a `default`), `additionalProperties` closed or narrowed, `min/maxProperties`,
 * `dependentRequired`/`dependentSchemas`/`dependencies`; arrays `items` (list and tuple forms, `prefixItems`,
 * `additionalItems`), `min/maxItems`, `uniqueItems`; `anyOf`/`oneOf` options (each writer option needs a
 * reader option that accepts it; anyOf→oneOf is a change); `not`; local `$ref`s (followed, recursion-safe).
 *
 * Not covered (a compatible verdict may be wrong here, the registry has the last word): `allOf` is merged
 * shallowly into its schema rather than compared branch by branch; `if`/`then`/`else`, `contains`,
 * `propertyNames`, `unevaluatedItems`, `$dynamicRef`; references to other documents (the subject's schema
 * references) are compared by their `$ref` text only; `format` is an annotation, as in the registry;
 * Confluent's lenient mode and its `confluent:reserved` metadata are not modelled.
 */
export type JsonSchemaIncompatibilityKind =
  | 'TYPE_NARROWED'
  | 'TYPE_CHANGED'
  | 'ENUM_ARRAY_NARROWED'
  | 'ENUM_ARRAY_CHANGED'
  | 'ENUM_ADDED'
  | 'CONST_CHANGED'
  | 'MAX_LENGTH_ADDED'
  | 'MAX_LENGTH_DECREASED'
  | 'MIN_LENGTH_ADDED'
  | 'MIN_LENGTH_INCREASED'
  | 'PATTERN_ADDED'
  | 'PATTERN_CHANGED'
  | 'MAXIMUM_ADDED'
  | 'MAXIMUM_DECREASED'
  | 'MINIMUM_ADDED'
  | 'MINIMUM_INCREASED'
  | 'MULTIPLE_OF_ADDED'
  | 'MULTIPLE_OF_CHANGED'
  | 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL'
  | 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL'
  | 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  | 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  | 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL'
  | 'REQUIRED_ATTRIBUTE_ADDED'
  | 'ADDITIONAL_PROPERTIES_REMOVED'
  | 'ADDITIONAL_PROPERTIES_NARROWED'
  | 'MAX_PROPERTIES_ADDED'
  | 'MAX_PROPERTIES_DECREASED'
  | 'MIN_PROPERTIES_ADDED'
  | 'MIN_PROPERTIES_INCREASED'
  | 'DEPENDENCY_ARRAY_ADDED'
  | 'DEPENDENCY_ARRAY_EXTENDED'
  | 'DEPENDENCY_SCHEMA_ADDED'
  | 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL'
  | 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL'
  | 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  | 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL'
  | 'ADDITIONAL_ITEMS_REMOVED'
  | 'ADDITIONAL_ITEMS_NARROWED'
  | 'MAX_ITEMS_ADDED'
  | 'MAX_ITEMS_DECREASED'
  | 'MIN_ITEMS_ADDED'
  | 'MIN_ITEMS_INCREASED'
  | 'UNIQUE_ITEMS_ADDED'
  | 'SUM_TYPE_NARROWED'
  | 'COMBINED_TYPE_CHANGED'
  | 'NOT_TYPE_EXTENDED';

type Finding = SchemaIncompatibility<JsonSchemaIncompatibilityKind>;
type Schema = Record<string, unknown>;

/** The incompatibilities found when `reader` validates data valid under `writer`; `readerIsNew` only affects wording (old → new). */
export function jsonSchemaIncompatibilities(writerRoot: unknown, readerRoot: unknown, readerIsNew: boolean): Finding[] {
  const normalized = new Map<unknown, JsonSchemaNode>();
  const inProgress = new Set<string>();
  const ids = new Map<unknown, number>();
  const idOf = (node: unknown) => {
    if (!ids.has(node)) ids.set(node, ids.size);
    return ids.get(node);
  };

  /** Follows local $refs and folds allOf into its schema; the same input always yields the same object, which the recursion guard relies on. */
  const normalize = (node: unknown, root: unknown, depth = 0): JsonSchemaNode => {
    if (typeof node === 'boolean') return node;
    if (!isSchemaObject(node)) return true;
    const cached = normalized.get(node);
    if (cached !== undefined) return cached;
    let result: JsonSchemaNode = node;
    if (typeof node.$ref === 'string' && depth < 32) {
      const target = resolveLocalRef(root, node.$ref);
      if (target !== undefined) {
        const { $ref: _ref, ...siblings } = node;
        result = isEmpty(siblings) ? normalize(target, root, depth + 1) : merge(normalize(target, root, depth + 1), siblings);
      }
    }
    if (isSchemaObject(result) && Array.isArray(result.allOf)) {
      const { allOf, ...rest } = result;
      result = (allOf as unknown[]).reduce<JsonSchemaNode>((acc, branch) => merge(acc, normalize(branch, root, depth + 1)), rest);
    }
    normalized.set(node, result);
    return result;
  };

  const old = <T>(w: T, r: T) => (readerIsNew ? w : r);
  const updated = <T>(w: T, r: T) => (readerIsNew ? r : w);
  /** Writer and reader values named old → new. */
  const change = (w: unknown, r: unknown) => `from ${show(old(w, r))} to ${show(updated(w, r))}`;

  const compatible = (w: JsonSchemaNode, r: JsonSchemaNode): boolean => {
    const scratch: Finding[] = [];
    diff(w, r, '', scratch);
    return scratch.length === 0;
  };

  const diff = (wNode: unknown, rNode: unknown, path: string, out: Finding[]): void => {
    const W = normalize(wNode, writerRoot);
    const R = normalize(rNode, readerRoot);
    if (isEmpty(R) || W === false) return;
    const add = (kind: JsonSchemaIncompatibilityKind, message: string, at = path) => {
      out.push({ kind, path: at, message });
    };
    if (R === false) return add('TYPE_CHANGED', `${where(path)} changed ${change(W, R)}`);
    const key = `${idOf(W)}:${idOf(R)}`;
    if (inProgress.has(key)) return;
    inProgress.add(key);
    try {
      compareSchemas(W === true ? {} : W, R as Schema, path, out, add);
    } finally {
      inProgress.delete(key);
    }
  };

  const compareSchemas = (w: Schema, r: Schema, path: string, out: Finding[], add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    if (isRemoteRef(w) || isRemoteRef(r)) return;
    const wSum = sumOf(w);
    const rSum = sumOf(r);
    if (wSum && !rSum) {
      // Every option the writer allows must be readable; the writer's other keywords apply to each option.
      const rest = withoutSum(w);
      wSum.branches.forEach((branch) => diff(merge(rest, normalize(branch, writerRoot)), r, path, out));
      return;
    }
    if (rSum) {
      const candidate = wSum ? undefined : withoutSum(w);
      if (wSum && rSum) {
        if (wSum.keyword === 'anyOf' && rSum.keyword === 'oneOf' && rSum.branches.length > 1) {
          add('COMBINED_TYPE_CHANGED', `${where(path)} changed ${readerIsNew ? 'from anyOf to oneOf' : 'from oneOf to anyOf'}`);
        }
        wSum.branches.forEach((branch, i) => {
          if (rSum.branches.some((rb) => compatible(normalize(branch, writerRoot), normalize(rb, readerRoot)))) return;
          const narrowed = rSum.branches.length < wSum.branches.length;
          add(
            narrowed ? 'SUM_TYPE_NARROWED' : 'COMBINED_TYPE_CHANGED',
            readerIsNew ? `${where(path)}: option ${i + 1} of the old ${wSum.keyword} is not accepted by any option of the new ${rSum.keyword}` : `${where(path)}: option ${i + 1} of the new ${wSum.keyword} is not accepted by any option of the old ${rSum.keyword}`,
            joinPointer(path, wSum.keyword, i),
          );
        });
      } else if (candidate && !rSum.branches.some((rb) => compatible(candidate, normalize(rb, readerRoot)))) {
        add('COMBINED_TYPE_CHANGED', readerIsNew ? `${where(path)} became a ${rSum.keyword} none of whose options accepts what the old schema allowed` : `${where(path)} is no longer a ${rSum.keyword}, and its new schema allows values none of the old options accept`);
      }
    }
    if (r.not !== undefined) {
      if (w.not === undefined || !compatible(normalize(r.not, readerRoot), normalize(w.not, writerRoot))) {
        add('NOT_TYPE_EXTENDED', `"not" of ${where(path)} changed ${change(w.not, r.not)}: it now excludes values the ${readerIsNew ? 'old' : 'new'} schema allows`, joinPointer(path, 'not'));
      }
    }

    const wTypes = typeSet(w);
    const rTypes = typeSet(r);
    if (wTypes.explicit || rTypes.explicit) {
      const lost = (wTypes.set ?? [...ALL_TYPES]).filter((t) => !accepts(rTypes.set, t) && !(t === 'integer' && wTypes.set === undefined));
      if (lost.length > 0) {
        const narrowed = wTypes.set === undefined || (rTypes.set ?? []).every((t) => accepts(wTypes.set, t));
        add(narrowed ? 'TYPE_NARROWED' : 'TYPE_CHANGED', `type of ${where(path)} changed from ${typeLabel(old(wTypes.set, rTypes.set))} to ${typeLabel(updated(wTypes.set, rTypes.set))}`, joinPointer(path, 'type'));
      }
    }
    const both = (t: string) => accepts(wTypes.set, t) && accepts(rTypes.set, t);

    compareEnum(w, r, path, add);
    if (both('string')) compareStrings(w, r, path, add);
    if (both('number') || both('integer')) compareNumbers(w, r, path, add);
    if (both('object')) compareObjects(w, r, path, out, add);
    if (both('array')) compareArrays(w, r, path, out, add);
  };

  const compareEnum = (w: Schema, r: Schema, path: string, add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    const wValues = Array.isArray(w.enum) ? (w.enum as unknown[]) : 'const' in w ? [w.const] : undefined;
    if ('const' in r) {
      if (wValues === undefined || wValues.some((v) => canonical(v) !== canonical(r.const))) {
        add('CONST_CHANGED', `const of ${where(path)} changed ${change(wValues === undefined ? undefined : 'const' in w ? w.const : w.enum, r.const)}`, joinPointer(path, 'const'));
      }
    }
    if (!Array.isArray(r.enum)) return;
    const rValues = new Set((r.enum as unknown[]).map(canonical));
    if (wValues === undefined) {
      add('ENUM_ADDED', readerIsNew ? `${where(path)} is now restricted to ${show(r.enum)}` : `${where(path)} is no longer restricted to ${show(r.enum)}`, joinPointer(path, 'enum'));
      return;
    }
    const missing = wValues.filter((v) => !rValues.has(canonical(v)));
    if (missing.length === 0) return;
    const narrowed = (r.enum as unknown[]).every((v) => wValues.some((x) => canonical(x) === canonical(v)));
    const list = missing.map((v) => JSON.stringify(v)).join(', ');
    add(narrowed ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED', readerIsNew ? `enum of ${where(path)} no longer includes ${list}` : `enum of ${where(path)} now includes ${list}`, joinPointer(path, 'enum'));
  };

  const compareStrings = (w: Schema, r: Schema, path: string, add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    const wMax = num(w.maxLength);
    const rMax = num(r.maxLength);
    if (rMax !== undefined && (wMax === undefined || wMax > rMax)) add(wMax === undefined ? 'MAX_LENGTH_ADDED' : 'MAX_LENGTH_DECREASED', `maxLength of ${where(path)} changed ${change(wMax, rMax)}`, joinPointer(path, 'maxLength'));
    const wMin = num(w.minLength) ?? 0;
    const rMin = num(r.minLength) ?? 0;
    if (rMin > wMin) add(w.minLength === undefined ? 'MIN_LENGTH_ADDED' : 'MIN_LENGTH_INCREASED', `minLength of ${where(path)} changed ${change(num(w.minLength), rMin)}`, joinPointer(path, 'minLength'));
    if (typeof r.pattern === 'string' && w.pattern !== r.pattern) add(w.pattern === undefined ? 'PATTERN_ADDED' : 'PATTERN_CHANGED', `pattern of ${where(path)} changed ${change(w.pattern, r.pattern)}`, joinPointer(path, 'pattern'));
  };

  const compareNumbers = (w: Schema, r: Schema, path: string, add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    for (const side of ['upper', 'lower'] as const) {
      const rb = bound(r, side);
      if (rb === undefined) continue;
      const wb = bound(w, side);
      // The writer's bound must be at least as tight: a lower maximum, or the same one no less exclusive.
      const ok = wb !== undefined && (wb.value === rb.value ? wb.exclusive || !rb.exclusive : side === 'upper' ? wb.value < rb.value : wb.value > rb.value);
      if (ok) continue;
      const keyword = rb.exclusive ? (side === 'upper' ? 'exclusiveMaximum' : 'exclusiveMinimum') : side === 'upper' ? 'maximum' : 'minimum';
      const kind = side === 'upper' ? (wb === undefined ? 'MAXIMUM_ADDED' : 'MAXIMUM_DECREASED') : wb === undefined ? 'MINIMUM_ADDED' : 'MINIMUM_INCREASED';
      add(kind, `${side === 'upper' ? 'maximum' : 'minimum'} of ${where(path)} changed from ${boundLabel(old(wb, rb), side)} to ${boundLabel(updated(wb, rb), side)}`, joinPointer(path, keyword));
    }
    const wm = num(w.multipleOf);
    const rm = num(r.multipleOf);
    if (rm !== undefined && (wm === undefined || !isMultiple(wm, rm))) add(wm === undefined ? 'MULTIPLE_OF_ADDED' : 'MULTIPLE_OF_CHANGED', `multipleOf of ${where(path)} changed ${change(wm, rm)}`, joinPointer(path, 'multipleOf'));
  };

  const compareObjects = (w: Schema, r: Schema, path: string, out: Finding[], add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    const wProps = isSchemaObject(w.properties) ? w.properties : {};
    const rProps = isSchemaObject(r.properties) ? r.properties : {};
    const wRequired = new Set(Array.isArray(w.required) ? (w.required as string[]) : []);
    const rRequired = new Set(Array.isArray(r.required) ? (r.required as string[]) : []);
    for (const name of new Set([...Object.keys(wProps), ...Object.keys(rProps)])) {
      const at = joinPointer(path, 'properties', name);
      const label = `property "${labelOf(at)}"`;
      if (name in wProps && name in rProps) {
        diff(wProps[name], rProps[name], at, out);
        if (rRequired.has(name) && !wRequired.has(name) && !hasDefault(rProps[name])) {
          add('REQUIRED_ATTRIBUTE_ADDED', readerIsNew ? `${label} became required` : `${label} is no longer required`, joinPointer(path, 'required'));
        }
      } else if (name in wProps) {
        const model = additionalFor(r, name, readerRoot);
        if (isEmpty(model)) continue;
        if (model === false) {
          if (normalize(wProps[name], writerRoot) !== false) {
            add('PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', readerIsNew ? `${label} was removed while additionalProperties is false` : `${label} was added, but the old schema does not allow additional properties`, at);
          }
        } else if (!compatible(normalize(wProps[name], writerRoot), model)) {
          add('PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was removed, and the new additional/pattern properties schema does not accept its old values` : `${label} was added with values the old additional/pattern properties schema does not accept`, at);
        }
      } else {
        const model = additionalFor(w, name, writerRoot);
        if (isEmpty(model)) {
          if (!isEmpty(normalize(rProps[name], readerRoot))) {
            add('PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was added, but the old schema allowed any additional property, so old data may hold "${name}" with any value` : `${label} was removed while the new schema allows any additional property, so new data may hold "${name}" with any value`, at);
          }
          continue;
        }
        if (model !== false && !compatible(model, normalize(rProps[name], readerRoot))) {
          add('PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was added with a schema that does not accept every value the old additional/pattern properties allowed` : `${label} was removed, and the new additional/pattern properties schema allows values the old "${name}" does not`, at);
        }
        if (rRequired.has(name) && !hasDefault(rProps[name])) {
          add('REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL', readerIsNew ? `${label} was added as required without a default` : `required ${label} was removed`, at);
        }
      }
    }
    for (const name of rRequired) {
      if (!wRequired.has(name) && !(name in wProps) && !(name in rProps)) {
        add('REQUIRED_ATTRIBUTE_ADDED', readerIsNew ? `property "${labelOf(joinPointer(path, 'properties', name))}" became required` : `property "${labelOf(joinPointer(path, 'properties', name))}" is no longer required`, joinPointer(path, 'required'));
      }
    }

    const wAdditional = w.additionalProperties;
    const rAdditional = r.additionalProperties;
    const apPath = joinPointer(path, 'additionalProperties');
    if (rAdditional === false && wAdditional !== false) {
      add('ADDITIONAL_PROPERTIES_REMOVED', `additionalProperties of ${where(path)} changed ${change(wAdditional, rAdditional)}`, apPath);
    } else if (isSchemaObject(rAdditional) && !isEmpty(normalize(rAdditional, readerRoot))) {
      if (wAdditional === undefined || wAdditional === true) add('ADDITIONAL_PROPERTIES_NARROWED', `additionalProperties of ${where(path)} changed ${change(wAdditional, rAdditional)}`, apPath);
      else if (wAdditional !== false) diff(wAdditional, rAdditional, apPath, out);
    }

    compareLimit(w, r, 'maxProperties', 'upper', path, add, 'MAX_PROPERTIES_ADDED', 'MAX_PROPERTIES_DECREASED');
    compareLimit(w, r, 'minProperties', 'lower', path, add, 'MIN_PROPERTIES_ADDED', 'MIN_PROPERTIES_INCREASED');

    const wDeps = dependencies(w);
    const rDeps = dependencies(r);
    for (const [name, required] of rDeps.required) {
      const had = wDeps.required.get(name) ?? [];
      if (required.every((k) => had.includes(k))) continue;
      add(had.length === 0 ? 'DEPENDENCY_ARRAY_ADDED' : 'DEPENDENCY_ARRAY_EXTENDED', `properties required with "${name}" in ${where(path)} changed ${change(had, required)}`, joinPointer(path, 'dependentRequired', name));
    }
    for (const [name, schema] of rDeps.schemas) {
      const had = wDeps.schemas.get(name);
      if (had === undefined) add('DEPENDENCY_SCHEMA_ADDED', readerIsNew ? `a dependent schema for "${name}" was added to ${where(path)}` : `the dependent schema for "${name}" was removed from ${where(path)}`, joinPointer(path, 'dependentSchemas', name));
      else diff(had, schema, joinPointer(path, 'dependentSchemas', name), out);
    }
  };

  const compareArrays = (w: Schema, r: Schema, path: string, out: Finding[], add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void) => {
    const wt = tuple(w);
    const rt = tuple(r);
    if (wt.prefix.length === 0 && rt.prefix.length === 0) {
      diff(wt.rest, rt.rest, joinPointer(path, 'items'), out);
    } else {
      const prefixKeyword = Array.isArray(r.prefixItems) ? 'prefixItems' : 'items';
      const length = Math.max(wt.prefix.length, rt.prefix.length);
      for (let i = 0; i < length; i++) {
        const at = joinPointer(path, prefixKeyword, i);
        const wi = wt.prefix[i];
        const ri = rt.prefix[i];
        const label = `item ${i} of ${where(path)}`;
        if (wi !== undefined && ri !== undefined) diff(wi, ri, at, out);
        else if (wi !== undefined) {
          const model = normalize(rt.rest, readerRoot);
          if (isEmpty(model)) continue;
          if (model === false) {
            if (normalize(wi, writerRoot) !== false) add('ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL', readerIsNew ? `${label} was removed while additional items are not allowed` : `${label} was added, but the old schema allows no additional items`, at);
          } else if (!compatible(normalize(wi, writerRoot), model)) {
            add('ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was removed, and the new additional items schema does not accept its old values` : `${label} was added with values the old additional items schema does not accept`, at);
          }
        } else if (ri !== undefined) {
          const model = normalize(wt.rest, writerRoot);
          if (isEmpty(model)) {
            if (!isEmpty(normalize(ri, readerRoot))) add('ITEM_ADDED_TO_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was added, but the old schema allowed any additional item` : `${label} was removed while the new schema allows any additional item`, at);
          } else if (model !== false && !compatible(model, normalize(ri, readerRoot))) {
            add('ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL', readerIsNew ? `${label} was added with a schema that does not accept every value the old additional items allowed` : `${label} was removed, and the new additional items schema allows values the old item does not`, at);
          }
        }
      }
      const restPath = joinPointer(path, Array.isArray(r.prefixItems) ? 'items' : 'additionalItems');
      const wRest = normalize(wt.rest, writerRoot);
      const rRest = normalize(rt.rest, readerRoot);
      if (rRest === false && wRest !== false) add('ADDITIONAL_ITEMS_REMOVED', `additional items of ${where(path)} changed ${change(wt.rest, rt.rest)}`, restPath);
      else if (!isEmpty(rRest) && isEmpty(wRest)) add('ADDITIONAL_ITEMS_NARROWED', `additional items of ${where(path)} changed ${change(wt.rest, rt.rest)}`, restPath);
      else if (wRest !== false) diff(wRest, rRest, restPath, out);
    }
    compareLimit(w, r, 'maxItems', 'upper', path, add, 'MAX_ITEMS_ADDED', 'MAX_ITEMS_DECREASED');
    compareLimit(w, r, 'minItems', 'lower', path, add, 'MIN_ITEMS_ADDED', 'MIN_ITEMS_INCREASED');
    if (r.uniqueItems === true && w.uniqueItems !== true) add('UNIQUE_ITEMS_ADDED', `uniqueItems of ${where(path)} changed ${change(w.uniqueItems ?? false, true)}`, joinPointer(path, 'uniqueItems'));
  };

  const compareLimit = (
    w: Schema,
    r: Schema,
    keyword: string,
    side: 'upper' | 'lower',
    path: string,
    add: (kind: JsonSchemaIncompatibilityKind, message: string, at?: string) => void,
    addedKind: JsonSchemaIncompatibilityKind,
    tightenedKind: JsonSchemaIncompatibilityKind,
  ) => {
    const wv = num(w[keyword]);
    const rv = num(r[keyword]);
    if (rv === undefined || (side === 'lower' && rv === 0)) return;
    if (wv !== undefined && (side === 'upper' ? wv <= rv : wv >= rv)) return;
    add(wv === undefined ? addedKind : tightenedKind, `${keyword} of ${where(path)} changed ${change(wv, rv)}`, joinPointer(path, keyword));
  };

  const additionalFor = (s: Schema | boolean, name: string, root: unknown): JsonSchemaNode => {
    if (typeof s === 'boolean') return s;
    if (isSchemaObject(s.patternProperties)) {
      for (const [pattern, schema] of Object.entries(s.patternProperties)) {
        if (safeRegExp(pattern)?.test(name)) return normalize(schema, root);
      }
    }
    if (s.additionalProperties !== undefined) return normalize(s.additionalProperties, root);
    return s.unevaluatedProperties === false ? false : true;
  };

  const out: Finding[] = [];
  diff(writerRoot, readerRoot, '', out);
  const seen = new Set<string>();
  return out.filter((f) => {
    const k = `${f.kind} ${f.path} ${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
