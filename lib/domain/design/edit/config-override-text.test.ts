import { describe, expect, it } from 'vitest';
import { overridesToText, textToOverrides } from './config-override-text';

describe('config override text', () => {
  it.each([
    ['', undefined],
    ['  \n\n', undefined],
    ['min.insync.replicas=2', { 'min.insync.replicas': '2' }],
    ['retention.ms = 3600000\n!cleanup.policy', { 'retention.ms': '3600000', 'cleanup.policy': null }],
    ['segment.ms', { 'segment.ms': '' }],
    ['a=1\na=2', { a: '2' }],
    ['compression.type=zstd=x', { 'compression.type': 'zstd=x' }],
  ])('reads %j', (text, overrides) => {
    expect(textToOverrides(text)).toEqual(overrides);
  });

  it('writes what it reads', () => {
    const overrides = { 'retention.ms': '3600000', 'cleanup.policy': null };
    expect(overridesToText(overrides)).toBe('retention.ms=3600000\n!cleanup.policy');
    expect(textToOverrides(overridesToText(overrides))).toEqual(overrides);
    expect(overridesToText(undefined)).toBe('');
  });
});
