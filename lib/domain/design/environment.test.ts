import { describe, expect, it } from 'vitest';
import { resolveEnvironment, UnknownEnvironmentError } from './environment';
import { design, topic } from './fixtures';

const d = design({
  topics: [topic('orders', { partitions: 6, configs: { 'min.insync.replicas': '2', 'retention.ms': '604800000' } }), topic('audit', { replicationFactor: 3 })],
  environments: [
    { name: 'dev', topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': '1', 'segment.ms': '3600000' } }, topics: { orders: { partitions: 2, configs: { 'retention.ms': null, 'segment.ms': '600000' } } } },
    { name: 'prod', production: true, topics: { audit: { replicationFactor: 5 } } },
  ],
});

describe('resolveEnvironment', () => {
  it('returns the base design as production when no environment is named', () => {
    expect(resolveEnvironment(d)).toEqual({ design: d, environment: null, production: true });
  });

  it('applies base, then environment defaults, then per-topic overrides; null removes a key', () => {
    const { design: dev, production, environment } = resolveEnvironment(d, 'dev');
    expect(production).toBe(false);
    expect(environment?.name).toBe('dev');
    expect(dev.topics.map(({ name, partitions, replicationFactor, configs }) => ({ name, partitions, replicationFactor, configs }))).toEqual([
      { name: 'orders', partitions: 2, replicationFactor: 1, configs: { 'min.insync.replicas': '1', 'segment.ms': '600000' } },
      { name: 'audit', partitions: 3, replicationFactor: 1, configs: { 'min.insync.replicas': '1', 'segment.ms': '3600000' } },
    ]);
  });

  it('lets a per-topic replication factor win over nothing else set', () => {
    const { design: prod, production } = resolveEnvironment(d, 'prod');
    expect(production).toBe(true);
    expect(prod.topics.map((t) => t.replicationFactor)).toEqual([3, 5]);
  });

  it('does not modify the design it resolves', () => {
    const before = structuredClone(d);
    resolveEnvironment(d, 'dev');
    expect(d).toEqual(before);
  });

  it('names the environments that exist when asked for another', () => {
    expect(() => resolveEnvironment(d, 'staging')).toThrow(new UnknownEnvironmentError('staging', ['dev', 'prod']));
    expect(() => resolveEnvironment(d, 'staging')).toThrow('This design has no environment "staging"; it has "dev", "prod".');
  });
});
