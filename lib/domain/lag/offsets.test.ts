import { describe, expect, it } from 'vitest';
import { formatCount, formatDuration, lagBetween, parseOffset, tryParseOffset } from './offsets';

describe('tryParseOffset', () => {
  it.each([
    ['0', 0n],
    ['1204', 1204n],
    ['9007199254740993', 9007199254740993n], // past 2^53: a number would round it
    ['9223372036854775807', 2n ** 63n - 1n],
    ['9223372036854775808', null],
    ['-1', null],
    ['', null],
    ['1e3', null],
    [' 12', null],
    ['12.0', null],
  ])('%j → %s', (text, expected) => expect(tryParseOffset(text)).toBe(expected));

  it('names the offset in the thrown message', () => {
    expect(() => parseOffset('x', 'end offset of partition 3')).toThrow('end offset of partition 3 must be a whole number from 0 to 9223372036854775807; "x" is not.');
  });
});

describe('lagBetween', () => {
  it.each([
    [10n, 15n, 5n],
    [15n, 15n, 0n],
    [20n, 15n, 0n], // a commit read after the end offset: never negative
  ])('committed %s, end %s → %s', (c, e, lag) => expect(lagBetween(c, e)).toBe(lag));
});

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1204, '1,204'],
    [1234567n, '1,234,567'],
    [-1204n, '-1,204'],
    [2n ** 63n - 1n, '9,223,372,036,854,775,807'],
  ])('%s → %s', (n, text) => expect(formatCount(n)).toBe(text));
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [360_000, '6 min'],
    [370_000, '6 min 10 s'],
    [7_500_000, '2 h 5 min'],
    [90_061_000, '1 d 1 h'],
    [-5, '0 s'],
  ])('%i ms → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
