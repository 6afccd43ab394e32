import { describe, expect, it } from 'vitest';
import { closestConfigName, humanizeConfigValue, topicConfigProblem } from './topic-config-catalog';

describe('topicConfigProblem', () => {
  it.each([
    ['retention.ms', '604800000'],
    ['retention.ms', '-1'],
    ['cleanup.policy', 'compact,delete'],
    ['compression.type', 'zstd'],
    ['min.cleanable.dirty.ratio', '0.5'],
    ['unclean.leader.election.enable', 'false'],
    ['min.insync.replicas', '2'],
  ])('accepts %s=%s', (name, value) => expect(topicConfigProblem(name, value)).toBeNull());

  it.each([
    ['retention.m', '1', '"retention.m" is not a topic config; did you mean "retention.ms"?'],
    ['totally.unknown.key', '1', '"totally.unknown.key" is not a topic config.'],
    ['retention.ms', 'abc', 'retention.ms must be a whole number; "abc" is not.'],
    ['retention.ms', '-5', 'retention.ms must be at least -1; -5 is too small.'],
    ['min.insync.replicas', '0', 'min.insync.replicas must be at least 1; 0 is too small.'],
    ['max.message.bytes', '3000000000', 'max.message.bytes must be at most 2147483647; 3000000000 is too large.'],
    ['cleanup.policy', 'compact,forever', 'cleanup.policy takes delete and/or compact (comma-separated); "forever" is not allowed.'],
    ['compression.type', 'brotli', 'compression.type must be one of uncompressed, zstd, lz4, snappy, gzip, producer; "brotli" is not.'],
    ['preallocate', 'yes', 'preallocate must be true or false.'],
    ['min.cleanable.dirty.ratio', '1.5', 'min.cleanable.dirty.ratio must be at most 1; 1.5 is too large.'],
    ['segment.ms', '', 'segment.ms needs a value.'],
  ])('rejects %s=%j', (name, value, message) => expect(topicConfigProblem(name, value)).toBe(message));
});

describe('closestConfigName', () => {
  it('suggests near misses and nothing for far ones', () => {
    expect(closestConfigName('retension.ms')).toBe('retention.ms');
    expect(closestConfigName('cleanup-policy')).toBe('cleanup.policy');
    expect(closestConfigName('zzzzzzzz')).toBeUndefined();
  });
});

describe('humanizeConfigValue', () => {
  it.each([
    ['retention.ms', '604800000', '7 d'],
    ['retention.ms', '3600000', '1 h'],
    ['retention.ms', '-1', null],
    ['segment.bytes', '1073741824', '1 GiB'],
    ['max.message.bytes', '1048588', '1 MiB'],
    ['cleanup.policy', 'delete', null],
  ])('%s=%s → %s', (name, value, expected) => expect(humanizeConfigValue(name, value)).toBe(expected));
});
