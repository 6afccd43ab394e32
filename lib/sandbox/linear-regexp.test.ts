import { describe, expect, it } from 'vitest';
import { enableLinearRegExpFallback } from './linear-regexp';

describe('enableLinearRegExpFallback', () => {
  // Without the fallback the first match below backtracks about 2^60 times: it would never finish,
  // and the test would fail on its timeout rather than pass slowly.
  it('lets a catastrophically backtracking pattern finish, with the same answers', { timeout: 10_000 }, () => {
    enableLinearRegExpFallback();
    const pattern = new RegExp('^(a+)+$');
    expect(pattern.test(`${'a'.repeat(60)}!`)).toBe(false);
    expect(pattern.test('a'.repeat(60))).toBe(true);
  });
});
