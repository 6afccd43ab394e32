import { afterAll, describe, expect, it } from 'vitest';
import type { FilterInput, JsonValue } from '@/lib/domain/messages/message-model';
import { FILTER_PARAMETERS, parametersRead, projectValue, valueKeysRead } from './filter-projection';
import { compileFilter, type MessageFilter } from './message-filter';

describe('valueKeysRead: what the expression can read of value', () => {
  it.each<[string, string[]]>([
    ["value.seq % 1000 === 7 && value.type === 'OrderPlaced'", ['seq', 'type']],
    ['value.type === "a" || value.type === "b"', ['type']],
    ['value.a.b.c === 1', ['a']],
    ['value?.a?.b === 1 && value?.c', ['a', 'c']],
    ['value.a?.[key] === 1', ['a']],
    ['typeof value === "object" && !value === false', []],
    ['typeof value.a === "string"', ['a']],
    ["key === 'order-1' && headers.retry > 2", []],
    ['`${value.type}:${value.seq}` === "x:1"', ['type', 'seq']],
    ['String.raw`${value.a}` === "1"', ['a']],
    ['headers.list.split(",").some((h) => h === value.a)', ['a']],
    ['value.items.some((item) => item.sku === "x")', ['items']],
    ['value.name.startsWith("x")', ['name']],
    ['(0, value.f)()', ['f']],
    ['new value.A()', ['A']],
    ['(value.a = 5, value.a === 5)', ['a']],
    ['delete value.a', ['a']],
    ['([value.a] = [1], value.a)', ['a']],
    ['import(value.module) && false', ['module']],
    ['value.value === 1', ['value']],
    ['({ value: 1 }).value === value.b', ['b']],
    ['({ value() { return 1; } }).value() === value.b', ['b']],
    ['new (class { value = 1; static value() {} })().value === value.b', ['b']],
    ['(() => { value: for (;;) { break value; } return value.a; })()', ['a']],
    ['globalThis.eval("1") === value.a', ['a']],
    ['v\\u0061lue.\\u0061 === 1', ['a']],
    ['value.a\n&& value.b // a comment\n', ['a', 'b']],
    ['/* value */ value.a', ['a']],
    ["'value' === value.a", ['a']],
  ])('%s reads %j', (expression, keys) => {
    expect(valueKeysRead(expression)).toEqual(keys);
  });

  it.each<[string, string]>([
    ['value', 'the whole value'],
    ['value === null', 'a comparison of the whole value'],
    ['value || {}', 'a logical operator over the whole value'],
    ['void value', 'an operator other than typeof and !'],
    ['-value', 'an operator other than typeof and !'],
    ['value[key]', 'computed access'],
    ["value['a']", 'computed access, even with a literal'],
    ['value[`a`]', 'computed access with a template literal'],
    ['JSON.stringify(value)', 'an argument'],
    ['Object.keys(value).length', 'an argument'],
    ["'x' in value", 'the in operator'],
    ['({ ...value }).a', 'a spread'],
    ['({ a } = value)', 'destructuring'],
    ['({ value })', 'a shorthand property'],
    ['({ value } = { value: 1 })', 'a shorthand pattern'],
    ['(value).a', 'parentheses around it'],
    ['`${value}`', 'a template substitution'],
    ['value?.()', 'a call of it'],
    ['value.a(1)', 'a method call: this is the object'],
    ['(value.a)()', 'a method call through parentheses'],
    ['value?.a()', 'an optional method call'],
    ['(value?.a)()', 'an optional member called through parentheses'],
    ['value.a`x`', 'a tagged template: this is the object'],
    ['value.b && value.a(1)', 'one method call among safe reads'],
    ['headers.x.some(value => value > 1)', 'an arrow parameter shadowing it'],
    ['headers.x.some(({ value }) => value > 1)', 'a destructured parameter'],
    ['headers.x.some((value) => value.a)', 'a shadowing parameter, even used as value.a'],
    ['(function (value) { return value.a; })(1)', 'a function parameter'],
    ['(() => { let value = {}; return value.a; })()', 'a let binding'],
    ['(() => { var value; return 1; })()', 'a var binding'],
    ['(() => { try { return 1; } catch (value) { return value.a; } })()', 'a catch parameter'],
    ['(function value() { return 1; })()', 'a function name'],
    ['(class value {}, 1)', 'a class name'],
    ['eval("value")', 'direct eval'],
    ['eval', 'any reference to eval'],
    ['(0, eval)("1") && value.a', 'even indirect'],
    ['({ eval }).eval', 'a shorthand eval'],
    ['arguments[1]', 'arguments'],
    ['(() => arguments.length)() && value.a', 'arguments in an arrow'],
    ['1), (value', 'text that closes the bracket early'],
    ['0), value.a, (1', 'text that closes the bracket early, with safe reads'],
    ['1); (value.a', 'a second statement'],
    ['value.a <!-- value', 'an HTML-like comment'],
    ['value.a\n--> value', 'an HTML-like closing comment'],
    ['value.a ===', 'a syntax error'],
    ['value.#a', 'a private name outside a class'],
  ])('%s → the whole value (%s)', (expression) => {
    expect(valueKeysRead(expression)).toBeNull();
  });

  it.each([
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
  ])('value.%s → the whole value (Object.prototype: it could reach the object or its other keys)', (name) => {
    expect(valueKeysRead(`value.${name}`)).toBeNull();
    expect(valueKeysRead(`value?.${name} && value.a`)).toBeNull();
  });

  it('reads an escaped Object.prototype name as that name', () => {
    expect(valueKeysRead('value.\\u0063onstructor')).toBeNull();
  });
});

describe('parametersRead: which of the six names the expression can read', () => {
  const ALL = [...FILTER_PARAMETERS].sort();
  it.each<[string, string[]]>([
    ["value.seq % 1000 === 7 && value.type === 'OrderPlaced'", ['value']],
    ["key === 'order-1' && headers.retry > 2", ['headers', 'key']],
    ['partition === 1 || offset === "7" || timestamp > 0', ['offset', 'partition', 'timestamp']],
    ['JSON.stringify(value)', ['value']],
    ['true', []],
    ['headers.key === "x" && value.offset === 1', ['headers', 'value']],
    ['({ key: 1, timestamp() { return 2; } }).key === 1', []],
    ['new (class { headers = 1; static offset() {} })().headers === 1', []],
    ['(() => { key: for (;;) { break key; } return 1; })()', []],
    ['(({ key }) => key)({ key: 1 }) === 1', ['key']],
    ['((headers) => headers)(1) === 1', ['headers']],
    ['({ value })', ['value']],
    ['\u006bey === "k"', ['key']],
    ["'key' + `headers` === 'keyheaders' /* value */", []],
    ['typeof timestamp', ['timestamp']],
    ['globalThis.key === undefined', []],
  ])('%s reads %j', (expression, read) => {
    expect([...parametersRead(expression)].sort()).toEqual(read);
  });

  it.each<[string, string]>([
    ['arguments[0] === "k"', 'arguments reaches every parameter'],
    ['(() => arguments[3])() === 0', 'arguments in an arrow is the filter’s'],
    ['eval("key") === "k"', 'a direct eval can name any parameter'],
    ['({ eval }).eval && true', 'any reference to eval'],
    ['value.a ===', 'a syntax error'],
    ['1), (key', 'text that closes the bracket early'],
    ['value.a <!-- key', 'an HTML-like comment'],
  ])('%s → all six (%s)', (expression) => {
    expect([...parametersRead(expression)].sort()).toEqual(ALL);
  });
});

describe('projectValue', () => {
  it('keeps only the listed own keys, in the object’s order, and leaves missing ones missing', () => {
    const value = { c: 3, a: { nested: true }, b: 2, d: [1] };
    const projected = projectValue(value, new Set(['d', 'a', 'missing']));
    expect(Object.keys(projected as object)).toEqual(['a', 'd']);
    expect(projected).toEqual({ a: { nested: true }, d: [1] });
    expect((projected as Record<string, JsonValue>).a).toBe(value.a);
    expect(value).toEqual({ c: 3, a: { nested: true }, b: 2, d: [1] });
  });

  it('keeps a key named __proto__ an own property, and the prototype plain', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonValue;
    const projected = projectValue(value, new Set(['__proto__'])) as Record<string, unknown>;
    expect(Object.keys(projected)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype);
    expect(JSON.stringify(projected)).toBe('{"__proto__":{"polluted":true}}');
  });

  it.each<[string, JsonValue]>([
    ['an array', [1, { a: 1 }]],
    ['a string', 'text'],
    ['a number', 42],
    ['null', null],
    ['a boolean', false],
  ])('passes %s as it is', (_, value) => {
    expect(projectValue(value, new Set(['a']))).toBe(value);
  });
});

/**
 * The outcomes of a filter with projection must be those of the same filter without it, through the
 * real sandbox, for whatever the messages hold: that is what makes projection an optimisation only.
 */
describe('projection changes no outcome', () => {
  const filters: MessageFilter[] = [];
  afterAll(() => filters.forEach((f) => f.dispose()));
  async function compiled(expression: string, project: boolean): Promise<MessageFilter> {
    const result = await compileFilter(expression, { timeoutMs: 1_000, projectValue: project, projectParameters: project });
    if (!result.ok) throw new Error(result.error.message);
    filters.push(result.filter);
    return result.filter;
  }

  const input = (value: JsonValue, overrides: Partial<FilterInput> = {}): FilterInput => ({ key: 'k', value, headers: { h: 'x' }, partition: 0, offset: '7', timestamp: 1, ...overrides });
  const messages: FilterInput[] = [
    input({ seq: 1, type: 'OrderPlaced', extra: 'x'.repeat(300), nested: { x: 1 }, a: { b: 2 }, list: [1, 2], '1': 'first' }),
    input({ seq: 1 }, { key: 'order-1', headers: { h: 'y', retry: '3' }, partition: 2, offset: '99', timestamp: 1_700_000_000_000 }),
    input({ seq: 2 }, { key: { id: 7, long: 'k'.repeat(300) }, headers: { h: 'l'.repeat(300) }, partition: 1, offset: '8' }),
    input({ seq: 4, type: 'Other' }),
    input({ type: 'OrderPlaced' }),
    input({}),
    input(JSON.parse('{"__proto__": {"b": 2, "extra": 1}, "a": {"b": 2}, "extra": 1, "seq": 1}') as JsonValue),
    input(JSON.parse('{"a": {"__proto__": {"b": 3}}, "constructor": 1, "toString": "s"}') as JsonValue),
    input({ a: null, seq: 7 }),
    input({ a: [{ b: 2 }], list: 'not a list' }),
    input([1, 2, 3]),
    input([{ a: { b: 2 } }]),
    input('OrderPlaced'),
    input(''),
    input(null),
    input(42),
    input(true),
    input({ seq: 1, type: 'OrderPlaced' }, { headers: {} }),
  ];

  it.each<[string, boolean]>([
    ["value.seq % 3 === 1 && value.type === 'OrderPlaced'", true],
    ['value.a.b === 2', true],
    ['value.a?.b === 2', true],
    ['value?.a?.[0]?.b === 2', true],
    ['value.list.length > 1', true],
    ['value.missing === undefined && value.seq > 0', true],
    ['typeof value === "object" && !value === false', true],
    ['!value', true],
    ["headers.h === 'x'", true],
    ['`${value.type}:${value.seq}` === "OrderPlaced:1"', true],
    ['(value.seq = 5, value.seq === 5 && value.extra === undefined)', true],
    ['Object.keys(value.a ?? {}).length === 1', true],
    ['JSON.stringify(value.a) === \'{"b":2}\'', true],
    ['value.a.__proto__.b === 3', true],
    ['headers.h === "x" && value.nested?.x === 1', true],
    ['(() => { const v = value.a; return v && v.b === 2; })()', true],
    ['value[1] === "first"', false],
    ['value.toString === "s"', false],
    ['JSON.stringify(value).length > 20', false],
    ['(value.f = function () { return this; }, value.f().extra !== undefined)', false],
    // Would leak the whole object through a getter's `this`; the sandbox refuses the getter.
    ['(Object.defineProperty(Object.prototype, "self", { get() { return this; } }), value.self.extra !== undefined)', true],
    ['(Object.prototype.extra2 = 1, value.seq === 1)', true],
    // Parameters other than value: only those named travel.
    ["key === 'order-1'", true],
    ['key?.id === 7 && key.long.length === 300', true],
    ['headers.retry > 2 || headers.h?.length === 300', true],
    ['partition === 2 && offset === "99" && timestamp > 1', true],
    ['offset > "7" && value.seq === 1', true],
    ['arguments[0] === "order-1" || arguments[2].h === "x"', false],
    ['(() => { const key = "order-1"; return key; })() === "order-1" && partition === 0', true],
  ])('%s', async (expression, projects) => {
    const projected = await compiled(expression, true);
    const whole = await compiled(expression, false);
    expect(projected.valueKeys !== null).toBe(projects);
    expect(whole.parameters.size).toBe(6);
    expect(whole.valueKeys).toBeNull();
    const outcomes = whole.testBatch(messages);
    expect(projected.testBatch(messages)).toEqual(outcomes);
    expect(messages.map((m) => projected.test(m))).toEqual(messages.map((m) => whole.test(m)));
    expect(projected.stats).toEqual(whole.stats);
    // Not all alike: the messages tell the expressions' outcomes apart.
    if (projects && !expression.includes('Object.')) expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBeGreaterThan(1);
  });

  it('leaves the caller’s messages as they were', async () => {
    const f = await compiled('(value.seq = 99, value.seq === 99)', true);
    const before = JSON.stringify(messages);
    f.testBatch(messages);
    messages.forEach((m) => f.test(m));
    expect(JSON.stringify(messages)).toBe(before);
  });
});
