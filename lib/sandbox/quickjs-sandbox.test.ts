import { afterAll, describe, expect, it } from 'vitest';
import { QuickJsSandbox } from './quickjs-sandbox';
import { utf8WithNul } from './sandbox-text';

const sandboxes: QuickJsSandbox[] = [];
afterAll(() => sandboxes.forEach((s) => s.dispose()));

async function sandboxOf(source: string): Promise<QuickJsSandbox> {
  const created = await QuickJsSandbox.create(source, 'probe.js', { timeoutMs: 1_000, memoryBytes: 32 * 1024 * 1024, stackBytes: 32 * 1024 });
  if (!created.ok) throw new Error(created.error.message);
  sandboxes.push(created.value);
  return created.value;
}

describe('QuickJsSandbox.callWithText', () => {
  it('copies UTF-8 bytes in as the same string (the fast path, not newString)', async () => {
    const sandbox = await sandboxOf('(function (text, many) { return many === true ? JSON.stringify([text.length, text]) : -1; })');
    expect(sandbox.usesFastTextPath()).toBe(true);
    const text = 'zoë 😀 日本 "quoted" \\ \n end';
    const result = sandbox.callWithText(utf8WithNul(text), 1_000);
    expect(result).toEqual({ ok: true, value: JSON.stringify([text.length, text]) });
  });

  it('refuses raw NUL characters rather than cutting the text at them (JSON escapes them)', async () => {
    const sandbox = await sandboxOf('(function (text) { return text; })');
    expect(() => sandbox.callWithText(utf8WithNul('a\u0000b'), 1_000)).toThrow(/must not contain NUL/);
    expect(() => sandbox.callWithText(new TextEncoder().encode('ab'), 1_000)).toThrow(/must end with a NUL/);
    expect(sandbox.callWithText(utf8WithNul(JSON.stringify('a\u0000b')), 1_000)).toEqual({ ok: true, value: '"a\\u0000b"' });
  });

  it('stops at the time limit given for the call, not the sandbox default', async () => {
    const sandbox = await sandboxOf('(function () { for (;;); })');
    const started = performance.now();
    const result = sandbox.callWithText(utf8WithNul(''), 30);
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout', message: expect.stringContaining('over its limit of 30 ms') } });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
