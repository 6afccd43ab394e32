import { parse, type Node } from 'acorn';
import type { JsonValue } from '@/lib/domain/messages/message-model';

/**
 * Projection pushdown for message filters: which top-level keys of `value` an expression can read,
 * so that only those travel into the sandbox. Parsing the whole of a 1 KB event inside QuickJS is
 * most of a filtered search's cost, and most filters read two or three fields of it.
 *
 * The analysis only parses the expression (acorn); nothing of it runs here. It answers with a key
 * set only when it can show the expression reaches `value` through nothing but `value.name` (or
 * `value?.name`) and `typeof value` / `!value`, none of which can tell a projected object from
 * the whole one. Anything else, or anything it does not recognise, gives null: the whole value.
 *
 * Why each refusal:
 * - any other use of the name `value` (`value[k]`, `JSON.stringify(value)`, `{...value}`, `k in
 *   value`, a parameter or variable named `value` that shadows it): it could see every key;
 * - `value.name` where `name` lives on Object.prototype (`value.valueOf()`, `value.hasOwnProperty`,
 *   `value.__proto__`…): those hand out the object itself or ask about its other keys;
 * - `value.name(...)` and `` value.name`...` ``: the call gets the object itself as `this`;
 * - `eval` and `arguments`: a direct eval can name `value` in a string, `arguments[1]` is it;
 * - HTML-like comments (`<!--`, `-->`): the two parsers must see the same code, and such comments
 *   depend on where a line starts, so they are not worth trusting to agree.
 * Getters and setters on Object.prototype would also receive the object as `this`; the sandbox
 * makes Object.prototype non-extensible before any filter runs (see message-filter.ts), so the
 * only inherited names are the built-ins refused above.
 */
const OBJECT_PROTOTYPE_NAMES: ReadonlySet<string> = new Set([
  'constructor',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
  '__proto__',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/** Names whose every reference refuses the projection (see above). */
const UNSAFE_NAMES: ReadonlySet<string> = new Set(['eval', 'arguments']);

/**
 * The message filter's prologue puts the expression between `(\n` and `\n)`, in a strict-mode
 * function; the same text parses here, with the directive that makes acorn strict too.
 */
const PREFIX = '"use strict";(\n';
const SUFFIX = '\n)';

/**
 * The top-level keys of `value` that `expression` can read, in order of first appearance; null
 * when the expression needs the whole value (or cannot be analysed: a syntax error is QuickJS's to
 * report). An empty list means the expression reads no key of `value` at all.
 */
export function valueKeysRead(expression: string): string[] | null {
  const program = parseExpression(expression);
  if (!program) return null;
  const keys = new Set<string>();
  return visit(program, [], keys) ? [...keys] : null;
}

/** The six names a filter expression sees, in the order of the sandbox function's parameters. */
export const FILTER_PARAMETERS = ['key', 'value', 'headers', 'partition', 'offset', 'timestamp'] as const;
export type FilterParameter = (typeof FILTER_PARAMETERS)[number];

/**
 * The parameters `expression` can read: those it names as a variable anywhere (a shadowing inner
 * variable of the same name counts too, which only sends more than needed). A parameter it never
 * names cannot reach it: strict mode gives functions no `caller`/`arguments` properties, and only
 * `arguments` and a direct `eval` reach a function's parameters by other means, so either of them
 * (or an expression that cannot be analysed) gives all six.
 */
export function parametersRead(expression: string): ReadonlySet<FilterParameter> {
  const all = new Set<FilterParameter>(FILTER_PARAMETERS);
  const program = parseExpression(expression);
  if (!program) return all;
  const read = new Set<FilterParameter>();
  const names: ReadonlySet<string> = all;
  let safe = true;
  walk(program, [], (identifier, ancestors) => {
    const parent = ancestors.at(-1);
    if (!parent || !isReference(identifier, parent)) return true;
    const name = identifier.name as string;
    if (UNSAFE_NAMES.has(name)) return (safe = false);
    if (names.has(name)) read.add(name as FilterParameter);
    return true;
  });
  return safe ? read : all;
}

/** The expression parsed as the sandbox will see it, or null when it cannot be trusted to be (see isOneExpression). */
function parseExpression(expression: string): AnyNode | null {
  if (expression.includes('<!--') || expression.includes('-->')) return null;
  const source = PREFIX + expression + SUFFIX;
  let program: AnyNode;
  try {
    program = parse(source, { ecmaVersion: 'latest', sourceType: 'script', preserveParens: true, allowHashBang: false, allowReturnOutsideFunction: false, allowAwaitOutsideFunction: false }) as unknown as AnyNode;
  } catch {
    return null;
  }
  return isOneExpression(program, source.length) ? program : null;
}

/** Calls `onIdentifier` with every identifier and its ancestors (the parent last), until it returns false; false then. */
function walk(node: AnyNode, ancestors: AnyNode[], onIdentifier: (identifier: AnyNode, ancestors: readonly AnyNode[]) => boolean): boolean {
  if (node.type === 'Identifier' && !onIdentifier(node, ancestors)) return false;
  ancestors.push(node);
  try {
    for (const field of Object.keys(node)) {
      if (field === 'type' || field === 'start' || field === 'end') continue;
      const child = node[field];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item) && !walk(item, ancestors, onIdentifier)) return false;
      } else if (isNode(child) && !walk(child, ancestors, onIdentifier)) {
        return false;
      }
    }
    return true;
  } finally {
    ancestors.pop();
  }
}

/**
 * The parse is that of the sandbox's source only if the program is the directive and one
 * parenthesised expression whose brackets are the two added here: otherwise the text closed the
 * bracket early (`1), (value`) and the sandbox would see other code.
 */
function isOneExpression(program: AnyNode, length: number): boolean {
  const body = program.body as AnyNode[];
  if (body.length !== 2 || body[0]!.directive !== 'use strict') return false;
  const statement = body[1]!;
  if (statement.type !== 'ExpressionStatement') return false;
  const expression = statement.expression as AnyNode;
  return expression.type === 'ParenthesizedExpression' && expression.start === PREFIX.length - 2 && expression.end === length;
}

type AnyNode = Node & Record<string, unknown>;

function isNode(x: unknown): x is AnyNode {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string' && typeof (x as { start?: unknown }).start === 'number';
}

/** Walks every node; false as soon as one use of `value`, `eval` or `arguments` is not provably safe. */
function visit(program: AnyNode, ancestors: AnyNode[], keys: Set<string>): boolean {
  return walk(program, ancestors, (identifier, above) => (identifier.name !== 'value' && !UNSAFE_NAMES.has(identifier.name as string)) || accepts(identifier, above, keys));
}

/** Whether this identifier named `value`, `eval` or `arguments` is harmless; records the key a `value.name` reads. */
function accepts(identifier: AnyNode, ancestors: readonly AnyNode[], keys: Set<string>): boolean {
  const parent = ancestors.at(-1);
  if (!parent) return false;
  if (!isReference(identifier, parent)) return true;
  if (identifier.name !== 'value') return false;
  if (parent.type === 'UnaryExpression') return parent.argument === identifier && (parent.operator === 'typeof' || parent.operator === '!');
  if (parent.type !== 'MemberExpression' || parent.object !== identifier || parent.computed) return false;
  const property = parent.property as AnyNode;
  if (property.type !== 'Identifier' || OBJECT_PROTOTYPE_NAMES.has(property.name as string)) return false;
  if (isCalledAsMethod(parent, ancestors.slice(0, -1))) return false;
  keys.add(property.name as string);
  return true;
}

/**
 * Identifiers that name a property, a label or a meta property rather than a variable. Shorthand
 * properties (`{ value }`) are references: their key is also their value.
 */
function isReference(identifier: AnyNode, parent: AnyNode): boolean {
  switch (parent.type) {
    case 'MemberExpression':
      return !(parent.property === identifier && !parent.computed);
    case 'Property':
      return !(parent.key === identifier && !parent.computed && !parent.shorthand);
    case 'MethodDefinition':
    case 'PropertyDefinition':
      return !(parent.key === identifier && !parent.computed);
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return parent.label !== identifier;
    case 'MetaProperty':
      return false;
    default:
      return true;
  }
}

/** `value.f()`, `(value.f)()`, `value?.f()` and `` value.f`` `` pass the object as `this`. */
function isCalledAsMethod(member: AnyNode, ancestors: readonly AnyNode[]): boolean {
  let node = member;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i]!;
    if (parent.type === 'ParenthesizedExpression' || parent.type === 'ChainExpression') {
      node = parent;
      continue;
    }
    return (parent.type === 'CallExpression' && parent.callee === node) || (parent.type === 'TaggedTemplateExpression' && parent.tag === node);
  }
  return false;
}

/**
 * What the sandbox gets instead of `value`: for a plain JSON object, a new object with only its
 * own keys that are in `keys`, in the object's own order (a missing key stays missing); any other
 * value (array, string, number, null) as it is. The original is never changed.
 */
export function projectValue(value: JsonValue, keys: ReadonlySet<string>): JsonValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const projected: Record<string, JsonValue> = {};
  for (const key of Object.keys(value)) {
    if (!keys.has(key)) continue;
    // Assignment is several times faster than defineProperty (this runs for every record a search
    // scans), but a key named __proto__ would set the prototype instead: it must stay a plain property.
    if (key === '__proto__') Object.defineProperty(projected, key, { value: value[key], enumerable: true, writable: true, configurable: true });
    else projected[key] = value[key]!;
  }
  return projected;
}
