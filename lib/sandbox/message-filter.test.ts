import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FilterInput } from '@/lib/domain/messages/message-model';
import { checkFilterSyntax, compileFilter, type MessageFilter } from './message-filter';

const message = (overrides: Partial<FilterInput> = {}): FilterInput => ({
  key: 'order-1',
  value: { status: 'OVERDUE', amount: 120, customer: { tier: 'gold' } },
  headers: { retry: '3', source: 'web' },
  partition: 2,
  offset: '9007199254740993',
  timestamp: Date.UTC(2025, 0, 1),
  ...overrides,
});

const filters: MessageFilter[] = [];
/** Generous time by default: the machine is shared, and only the limit tests are about time. */
async function filterOf(expression: string, options = {}): Promise<MessageFilter> {
  const compiled = await compileFilter(expression, { timeoutMs: 1_000, ...options });
  if (!compiled.ok) throw new Error(compiled.error.message);
  filters.push(compiled.filter);
  return compiled.filter;
}
afterAll(() => filters.forEach((f) => f.dispose()));

describe('compileFilter', () => {
  it('compiles under a tight per-message time limit: setting up a fresh instance is not the expression running', async () => {
    const compiled = await compileFilter('value.status === "OVERDUE"', { timeoutMs: 1 });
    expect(compiled.ok).toBe(true);
    if (compiled.ok) compiled.filter.dispose();
  });

  it.each<[string, string, { line?: number; column?: number }]>([
    ['value.status ===', 'SyntaxError: the expression ends too early (an operand or closing bracket is missing) at line 1, column 17.', { line: 1, column: 17 }],
    ['value.status = = 1', "SyntaxError: unexpected token in expression: '=' at line 1, column 16.", { line: 1, column: 16 }],
    ["value.a &&\nvalue.b ))", "SyntaxError: expecting ';' at line 2, column 10.", { line: 2, column: 10 }],
    ['', 'Enter a filter expression, e.g. value.status === "OVERDUE".', {}],
    ['   ', 'Enter a filter expression, e.g. value.status === "OVERDUE".', {}],
    ['x'.repeat(4097), 'A filter may be at most 4096 characters long; this one has 4097.', {}],
  ])('%# is refused with a position', async (expression, message, position) => {
    const r = await compileFilter(expression);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ message, ...position });
  });
});

describe('checkFilterSyntax', () => {
  it.each([
    'value.status ===',
    'value.status = = 1',
    'value.a &&\nvalue.b ))',
    '',
    'x'.repeat(4097),
    '(((((((((('.repeat(400),
    'value.status === "OVERDUE"',
    '(() => { for (;;); })()',
    "process.exit(1) || require('fs')",
  ])('%# agrees with compileFilter, without running anything', async (expression) => {
    const checked = await checkFilterSyntax(expression);
    const compiled = await compileFilter(expression);
    if (compiled.ok) {
      compiled.filter.dispose();
      expect(checked).toEqual({ ok: true });
    } else {
      expect(checked).toEqual({ ok: false, error: compiled.error });
    }
  });

  it('never runs the expression: a hang or an allocation costs nothing', async () => {
    const started = performance.now();
    expect(await checkFilterSyntax("(() => { for (;;); })() && 'x'.repeat(2 ** 29)")).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('MessageFilter.test', () => {
  it.each<[string, FilterInput, boolean]>([
    ["value.status === 'OVERDUE' && headers['retry'] > 2", message(), true],
    ["value.status === 'OVERDUE' && headers['retry'] > 2", message({ headers: { retry: '1' } }), false],
    ['value.customer.tier === "gold"', message(), true],
    ["key.startsWith('order-')", message(), true],
    ['partition === 2 && offset === "9007199254740993"', message(), true],
    ['timestamp >= Date.UTC(2025, 0, 1)', message(), true],
    ["typeof value === 'string' && value.includes('boom')", message({ value: 'kaboom' }), true],
    ['value === null', message({ value: null }), true],
    ['value.amount', message(), true], // truthy, not strictly true
    ['value.missing', message(), false],
    ['/^ord/.test(key) && [1, 2, 3].includes(partition)', message(), true],
  ])('%s', async (expression, input, match) => {
    expect((await filterOf(expression)).test(input)).toEqual({ ok: true, match });
  });

  it('reports an evaluation error per message and goes on', async () => {
    const f = await filterOf('value.customer.tier === "gold"');
    expect(f.test(message({ value: 'plain text' }))).toEqual({
      ok: false,
      error: { kind: 'runtime', message: "TypeError: cannot read property 'tier' of undefined (line 1, column 15)", line: 1, column: 15 },
    });
    expect(f.test(message())).toEqual({ ok: true, match: true });
    expect(f.stats).toEqual({ evaluated: 2, matched: 1, errors: 1, timeouts: 0 });
  });

  it('keeps strict mode: assignment to an undeclared name fails', async () => {
    const f = await filterOf("stauts = 'OVERDUE'");
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining("ReferenceError: 'stauts' is not defined") } });
  });

  it('cannot break message decoding for later messages', async () => {
    const f = await filterOf('(JSON.parse = () => ({ value: "forged" }), value.status === "OVERDUE")');
    expect(f.test(message())).toEqual({ ok: true, match: true });
    expect(f.test(message())).toEqual({ ok: true, match: true });
  });
});

describe('value projection (filter-projection.ts)', () => {
  it('sends into the sandbox only the keys of value the expression reads, when it provably reads no others', async () => {
    expect((await filterOf("value.status === 'OVERDUE' && headers['retry'] > 2")).valueKeys).toEqual(['status']);
    expect((await filterOf('value.customer.tier === "gold" || value.amount > 100')).valueKeys).toEqual(['customer', 'amount']);
    expect((await filterOf('JSON.stringify(value).includes("gold")')).valueKeys).toBeNull();
    expect((await filterOf('value.status === "OVERDUE"', { projectValue: false })).valueKeys).toBeNull();
  });

  it('gives the same answers as the whole value, one by one and in batches', async () => {
    const f = await filterOf('value.customer.tier === "gold" && value.missing === undefined');
    const inputs = [message(), message({ value: { customer: { tier: 'silver' } } }), message({ value: 'plain text' }), message({ value: [1] })];
    expect(f.testBatch(inputs).map((o) => (o.ok ? o.match : o.error.message))).toEqual([true, false, "TypeError: cannot read property 'tier' of undefined (line 1, column 15)", "TypeError: cannot read property 'tier' of undefined (line 1, column 15)"]);
    expect(inputs.map((m) => f.test(m))).toEqual(f.testBatch(inputs));
  });

  it('keeps Object.prototype closed to new properties (a getter there would see the projected object), its built-ins replaceable', async () => {
    const added = await filterOf('(Object.prototype.polluted = 1, true)');
    expect(added.test(message())).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining('TypeError: object is not extensible') } });
    const replaced = await filterOf('(Object.prototype.toString = function () { return "mine"; }, String({}) === "mine")');
    expect(replaced.test(message())).toEqual({ ok: true, match: true });
    const ordinary = await filterOf('(() => { const o = {}; o.toString = () => "own"; o.extra = 1; return `${o}` === "own" && o.extra === 1; })()');
    expect(ordinary.testBatch([message(), message()])).toEqual([
      { ok: true, match: true },
      { ok: true, match: true },
    ]);
  });
});

describe('the sandbox holds', () => {
  // Every escape must fail with a clear error and leave the filter usable for the next message.
  it.each<[string, string]>([
    ['process.env', "ReferenceError: 'process' is not defined"],
    ["require('fs').readFileSync('/etc/passwd', 'utf8')", "ReferenceError: 'require' is not defined"],
    ["globalThis.constructor.constructor('return process')()", "ReferenceError: 'process' is not defined"],
    ["(() => {}).constructor('return this')().process.exit(1)", "TypeError: cannot read property 'exit' of undefined"],
    ["import('fs')", 'TypeError: a filter must return true or false, not a Promise: filters are synchronous'],
    ["fetch('http://127.0.0.1:1/')", "ReferenceError: 'fetch' is not defined"],
    ["std.loadFile('/etc/passwd')", "ReferenceError: 'std' is not defined"],
    ["os.exec(['ls'])", "ReferenceError: 'os' is not defined"],
    ['new XMLHttpRequest()', "ReferenceError: 'XMLHttpRequest' is not defined"],
    ['new WebAssembly.Module(new Uint8Array([0, 97, 115, 109]))', "ReferenceError: 'WebAssembly' is not defined"],
    ["Deno.readTextFileSync('/etc/passwd')", "ReferenceError: 'Deno' is not defined"],
  ])('%s', async (expression, error) => {
    const f = await filterOf(`${expression} || value.status === 'OVERDUE'`);
    const r = f.test(message());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain(error);
    expect(f.test(message({ value: 1 }))).toMatchObject({ ok: false });
    const after = await filterOf("value.status === 'OVERDUE'");
    expect(after.test(message())).toEqual({ ok: true, match: true });
  });

  it('loads nothing through import(), even when its promise is awaited', async () => {
    const f = await filterOf("(import('fs').then((m) => { globalThis.loaded = m; }, (e) => { globalThis.failure = String(e); }), true) && typeof globalThis.loaded === 'undefined'");
    expect(f.test(message())).toEqual({ ok: true, match: true });
    const check = await filterOf('true');
    expect(check.test(message())).toEqual({ ok: true, match: true });
    const seen = await filterOf("(import('fs').catch((e) => { globalThis.failure = String(e); }), true) && (globalThis.failure === undefined || !/readFile/.test(globalThis.failure))");
    expect(seen.test(message())).toEqual({ ok: true, match: true });
    const second = seen.test(message());
    expect(second).toEqual({ ok: true, match: true });
  });

  it('sees no host globals at all', async () => {
    const f = await filterOf("['process', 'require', 'module', 'Buffer', 'fetch', 'setTimeout', 'console', 'globalThis.__dirname'].every((n) => typeof globalThis[n] === 'undefined')");
    expect(f.test(message())).toEqual({ ok: true, match: true });
  });

  const LIMIT = 40;
  const check = async (expression: string, kind: string, text: RegExp, options: object = {}) => {
    const f = await filterOf(expression, { timeoutMs: LIMIT, maxConsecutiveTimeouts: 100, ...options });
    const started = performance.now();
    const r = f.test(message());
    const elapsed = performance.now() - started;
    expect(r).toMatchObject({ ok: false, error: { kind, message: expect.stringMatching(text) } });
    // The same filter, runtime and context serve the next message.
    const probe = await filterOf(`value === 1 || (${expression})`, { timeoutMs: LIMIT, maxConsecutiveTimeouts: 100, ...options });
    expect(probe.test(message({ value: 1 }))).toEqual({ ok: true, match: true });
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind } });
    return elapsed;
  };

  it('stops an endless loop at the time limit', async () => {
    const elapsed = await check('(() => { while (true) {} })()', 'timeout', /over its limit of 40 ms/);
    expect(elapsed).toBeLessThan(LIMIT + 500);
  });

  it('stops an endless loop hidden in a getter or a sort comparator', async () => {
    await check('({ get x() { for (;;); } }).x', 'timeout', /over its limit/);
    await check('[3, 2, 1].sort(() => { for (;;); })', 'timeout', /over its limit/);
  });

  it('stops catastrophic regular expression backtracking', async () => {
    await check("/(a+)+$/.test('a'.repeat(40) + '!')", 'timeout', /over its limit/);
  });

  it('stops deep recursion', async () => {
    await check('(function f(n) { return f(n + 1) + 1; })(0)', 'stack', /stack overflow/);
  });

  it('stops huge allocations at the memory limit', async () => {
    const generous = { timeoutMs: 2_000 };
    await check("'x'.repeat(2 ** 29).length > 0", 'memory', /ran out of its 32 MiB of memory/, generous);
    await check('new Array(2 ** 26).fill(0).length > 0', 'memory', /ran out of its 32 MiB of memory/, generous);
    await check('(() => { const a = []; for (;;) a.push({ n: a.length }); })()', 'memory', /memory/, generous);
  });

  it('holds memory piled up in globals across messages to the limit, then starts clean', async () => {
    const f = await filterOf('(globalThis.keep = (globalThis.keep || []).concat([Array.from({ length: 2 ** 17 }, (_, i) => i)]), true)', {
      memoryBytes: 16 * 1024 * 1024,
      timeoutMs: 2_000,
    });
    const outcomes = Array.from({ length: 24 }, () => f.test(message()));
    const kinds = outcomes.map((o) => (o.ok ? 'ok' : o.error.kind));
    expect(kinds).toContain('memory');
    expect(kinds.lastIndexOf('ok')).toBeGreaterThan(kinds.indexOf('memory'));
  });

  it('never grows the server process past the limit, whatever the code allocates', async () => {
    const before = process.memoryUsage().rss;
    const f = await filterOf("(() => { const keep = []; for (let i = 0; i < 5000; i++) keep.push('y'.repeat(1e5) + i); return true; })()", { timeoutMs: 5_000 });
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind: 'memory' } });
    // 5000 × 100 kB would be 500 MB; the instance is capped at 32 MiB.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('disables itself after repeated timeouts, so one filter cannot hog the server', async () => {
    const f = await filterOf('value === 1 || (() => { for (;;); })()', { timeoutMs: 40, maxConsecutiveTimeouts: 2 });
    expect(f.test(message({ value: 1 }))).toEqual({ ok: true, match: true });
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(f.test(message({ value: 1 }))).toMatchObject({ ok: false, error: { kind: 'disabled', message: expect.stringContaining('stopped after 2 messages in a row') } });
    expect(f.stats.timeouts).toBe(2);
  });

  it('survives the host stack running out mid-call and keeps working', async () => {
    const f = await filterOf('value === 1 || JSON.stringify((() => { let o = {}; for (let i = 0; i < 100000; i++) o = { o }; return o; })()).length > 0', {
      timeoutMs: 5_000,
    });
    // Call from near the end of the host stack, so V8's stack overflows before QuickJS's own limit:
    // the WASM call unwinds half-way and the instance must be replaced.
    const depth = maxHostDepth();
    const outcomes: string[] = [];
    for (let headroom = 500; headroom < depth; headroom += 250) {
      const outcome = atDepth(depth - headroom, () => f.test(message()));
      outcomes.push(outcome === undefined ? 'host' : outcome.ok ? 'ok' : outcome.error.kind);
      if (outcomes.at(-1) === 'crashed') break;
    }
    expect(outcomes).toContain('crashed');
    await vi.waitFor(() => expect(f.test(message({ value: 1 }))).toEqual({ ok: true, match: true }), { timeout: 5_000 });
    expect(f.test(message())).toMatchObject({ ok: false, error: { kind: 'stack' } });
  });

  it('measures throughput with one runtime reused across 10,000 messages, one by one and in batches', async () => {
    const f = await filterOf("value.status === 'OVERDUE' && headers['retry'] > 2");
    const inputs = Array.from({ length: 10_000 }, (_, i) =>
      message({ offset: String(i), value: { status: i % 3 === 0 ? 'OVERDUE' : 'OPEN', amount: i, items: [{ sku: `sku-${i}`, qty: 1 }], note: 'x'.repeat(900) } }),
    );
    let started = performance.now();
    let matched = 0;
    for (const input of inputs) {
      const r = f.test(input);
      if (r.ok && r.match) matched++;
    }
    const single = (performance.now() - started) / 1000;
    started = performance.now();
    const batched = f.testBatch(inputs).filter((r) => r.ok && r.match).length;
    const batch = (performance.now() - started) / 1000;
    const rate = (s: number) => Math.round(inputs.length / s).toLocaleString('en-US');
    console.log(`message filter (1 KB messages): one by one ${rate(single)} messages/s, testBatch ${rate(batch)} messages/s`);
    expect(matched).toBe(3334);
    expect(batched).toBe(3334);
  });
});

const hashSource = '(s) => { let h = 0; for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0; return h; }';
function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h;
}

describe('MessageFilter.testBatch', () => {
  const inputs = [
    message(),
    message({ headers: { retry: '1' } }),
    message({ value: 'plain text' }),
    message({ value: { status: 'OVERDUE', customer: { tier: 'silver' }, name: 'zoë 😀 日本' } }),
    message({ key: null, value: null }),
  ];

  it.each([
    'value.customer.tier === "gold"',
    "value.status === 'OVERDUE' && headers['retry'] > 2",
    "value.name === 'zoë 😀 日本'",
    'key === null || key.startsWith("order")',
    'Promise.resolve(true)',
    'nope(value)',
  ])('%s gives what test() gives, message by message', async (expression) => {
    const one = await filterOf(expression);
    const many = await filterOf(expression);
    expect(many.testBatch(inputs)).toEqual(inputs.map((m) => one.test(m)));
    expect(many.stats).toEqual(one.stats);
  });

  it('passes text through the sandbox unchanged (non-ASCII, escapes, NUL characters)', async () => {
    const f = await filterOf('value.text === "zoë \\u0000 😀 \\"quoted\\" \\n 日本" && key === "é"');
    const odd = message({ key: 'é', value: { text: 'zoë \u0000 😀 "quoted" \n 日本' } });
    expect(f.testBatch([odd, message()])).toEqual([
      { ok: true, match: true },
      { ok: true, match: false },
    ]);
    expect(f.test(odd)).toEqual({ ok: true, match: true });
  });

  it('sees long strings exactly as the plain JSON has them (they travel outside the JSON, see filter-batch.ts)', async () => {
    const long = (c: string) => c.repeat(300);
    const odd = [
      message({ key: long('k'), value: { note: long('x'), nested: { list: [long('a'), 1, { deep: long('é😀') }], short: 'ok' } } }),
      message({ value: long('plain text value ') }),
      message({ value: JSON.parse(`{"__proto__": "${long('p')}", "constructor": {"prototype": "${long('q')}"}}`) as FilterInput['value'] }),
      message({ value: { lone: `${long('l')}\ud800`, nul: `${long('n')}\u0000`, newline: `${long('a')}\n${long('b')}` } }),
      message({ headers: { big: long('h') } }),
    ];
    const f = await filterOf('JSON.stringify({ key, value, headers, partition, offset, timestamp })');
    const seen = await filterOf(
      "key.length === 300 || (typeof value === 'string' ? value.length : JSON.stringify(value).length) > 0",
    );
    expect(seen.testBatch(odd).every((o) => o.ok && o.match)).toBe(true);
    // Each message, rebuilt inside the sandbox, must serialise to what the host holds.
    for (const [i, m] of odd.entries()) {
      // The expected JSON is longer than a filter may be: compare its length and a hash of it.
      const json = JSON.stringify(m);
      const check = await filterOf(
        `((s) => s.length === ${json.length} && (${hashSource})(s) === ${hash(json)})(JSON.stringify({ key, value, headers, partition, offset, timestamp }))`,
      );
      expect(check.testBatch([message(), m, message()])[1], `message ${i}`).toEqual({ ok: true, match: true });
      expect(check.test(m), `message ${i} alone`).toEqual({ ok: true, match: true });
    }
    expect(f.testBatch(odd).every((o) => o.ok && o.match)).toBe(true);
    // The caller's objects are left as they were.
    expect((odd[0]!.value as { note: string }).note).toBe(long('x'));
  });

  it('splits large inputs into several calls and keeps their order', async () => {
    const f = await filterOf('value.n % 7 === 0');
    const many = Array.from({ length: 3_000 }, (_, n) => message({ value: { n, pad: 'p'.repeat(2_000) } }));
    const outcomes = f.testBatch(many);
    expect(outcomes.map((o) => o.ok && o.match)).toEqual(many.map((_, n) => n % 7 === 0));
    expect(f.stats).toEqual({ evaluated: 3_000, matched: 429, errors: 0, timeouts: 0 });
  });

  it('hides the batch from the expression: each message sees its own six names only', async () => {
    const f = await filterOf("typeof batch === 'undefined' && typeof json === 'undefined' && typeof many === 'undefined' && typeof m === 'undefined' && typeof out === 'undefined'");
    expect(f.testBatch([message(), message()])).toEqual([
      { ok: true, match: true },
      { ok: true, match: true },
    ]);
    const caller = await filterOf('test.caller');
    expect(caller.testBatch([message()])[0]).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining('TypeError') } });
  });

  it.each<[string, string]>([
    ['process.env', "ReferenceError: 'process' is not defined"],
    ["require('fs')", "ReferenceError: 'require' is not defined"],
    ["globalThis.constructor.constructor('return process')()", "ReferenceError: 'process' is not defined"],
    ["import('fs')", 'not a Promise'],
    ["fetch('http://127.0.0.1:1/')", "ReferenceError: 'fetch' is not defined"],
    ["std.loadFile('/etc/passwd')", "ReferenceError: 'std' is not defined"],
  ])('escape through a batch fails on the message that tries it: %s', async (expression, error) => {
    const f = await filterOf(`value === 1 || ${expression}`);
    const outcomes = f.testBatch([message({ value: 1 }), message(), message({ value: 1 })]);
    expect(outcomes[0]).toEqual({ ok: true, match: true });
    expect(outcomes[1]).toMatchObject({ ok: false, error: { kind: 'runtime', message: expect.stringContaining(error) } });
    expect(outcomes[2]).toEqual({ ok: true, match: true });
  });

  it('stops a hang inside a batch and reports it on the message that hung', async () => {
    const f = await filterOf('value.n !== 3 || (() => { for (;;); })()', { timeoutMs: 40, maxConsecutiveTimeouts: 100 });
    const many = Array.from({ length: 8 }, (_, n) => message({ value: { n } }));
    const started = performance.now();
    const outcomes = f.testBatch(many);
    const elapsed = performance.now() - started;
    expect(outcomes.map((o) => (o.ok ? o.match : o.error.kind))).toEqual([true, true, true, 'timeout', true, true, true, true]);
    expect(outcomes[3]).toMatchObject({ error: { message: expect.stringMatching(/over its limit of 40 ms/) } });
    // The batch's own budget, then the message alone: two limits and some slack, not one per message.
    expect(elapsed).toBeLessThan(2 * 40 + 1_000);
    expect(f.stats).toMatchObject({ evaluated: 8, matched: 7, errors: 1, timeouts: 1 });
  });

  it('disables itself through the batch path after repeated timeouts', async () => {
    const f = await filterOf('value.n < 2 || (() => { for (;;); })()', { timeoutMs: 40, maxConsecutiveTimeouts: 2 });
    const outcomes = f.testBatch(Array.from({ length: 6 }, (_, n) => message({ value: { n } })));
    expect(outcomes.map((o) => (o.ok ? o.match : o.error.kind))).toEqual([true, true, 'timeout', 'timeout', 'disabled', 'disabled']);
  });

  it('reports running out of memory on the message that did, and goes on', async () => {
    const f = await filterOf("value.n !== 1 || 'x'.repeat(2 ** 29).length > 0", { timeoutMs: 2_000 });
    const outcomes = f.testBatch(Array.from({ length: 3 }, (_, n) => message({ value: { n } })));
    expect(outcomes.map((o) => (o.ok ? o.match : o.error.kind))).toEqual([true, 'memory', true]);
  });

  it('reports deep recursion on the message that recursed', async () => {
    const f = await filterOf('value.n !== 1 || (function f(n) { return f(n + 1) + 1; })(0)');
    const outcomes = f.testBatch(Array.from({ length: 3 }, (_, n) => message({ value: { n } })));
    expect(outcomes.map((o) => (o.ok ? o.match : o.error.kind))).toEqual([true, 'stack', true]);
  });

  it('cannot break the decoding of the batch for later messages', async () => {
    const f = await filterOf('(JSON.parse = () => [{ value: "forged" }], value.status === "OVERDUE")');
    expect(f.testBatch([message(), message()])).toEqual([
      { ok: true, match: true },
      { ok: true, match: true },
    ]);
    expect(f.testBatch([message()])).toEqual([{ ok: true, match: true }]);
  });
});

function maxHostDepth(): number {
  let depth = 0;
  const dive = (): void => {
    depth++;
    dive();
  };
  try {
    dive();
  } catch {
    // RangeError: the host stack is full at `depth`.
  }
  return depth;
}

function atDepth<T>(depth: number, fn: () => T): T | undefined {
  let result: T | undefined;
  const dive = (n: number): void => {
    if (n <= 0) result = fn();
    else dive(n - 1);
  };
  try {
    dive(depth);
  } catch {
    return undefined;
  }
  return result;
}
