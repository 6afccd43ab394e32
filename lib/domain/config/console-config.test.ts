import { describe, expect, it } from 'vitest';
import { applyEnvOverrides, consoleConfigSchema, describeConfigIssues, interpolateEnv, LOCAL_STACK_CLUSTER, toPublicCluster } from './console-config';

describe('consoleConfigSchema', () => {
  it('explains each mistake with its path', () => {
    const r = consoleConfigSchema.safeParse({
      clusters: [
        { name: 'Prod EU', bootstrapServers: ['kafka:9092', 'no-port'], schemaRegistry: { url: 'ftp://x' } },
        { name: 'dup', bootstrapServers: ['a:1'] },
        { name: 'dup', bootstrapServers: ['a:1'], sasl: { mechanism: 'gssapi', username: 'u', password: 'p' } },
      ],
    });
    expect(r.success).toBe(false);
    const text = describeConfigIssues(r.error!, 'kea.config.yaml');
    expect(text).toContain('clusters.0.name: Cluster names are lowercase letters');
    expect(text).toContain('clusters.0.bootstrapServers.1: Use host:port');
    expect(text).toContain('clusters.0.schemaRegistry.url: Use an http(s) URL.');
    expect(text).toContain('clusters.2.sasl.mechanism');
  });

  it('rejects a cluster name used twice', () => {
    const r = consoleConfigSchema.safeParse({ clusters: [{ name: 'dup', bootstrapServers: ['a:1'] }, { name: 'dup', bootstrapServers: ['b:1'] }] });
    expect(describeConfigIssues(r.error!, 'f')).toContain('clusters.1.name: Cluster name "dup" is used twice.');
  });

  it('rejects unknown keys rather than ignoring a typo', () => {
    expect(consoleConfigSchema.safeParse({ clusters: [{ name: 'a', bootstrapServer: ['a:1'] }] }).success).toBe(false);
  });
});

describe('interpolateEnv', () => {
  it('fills ${VARS} and lists missing ones with their path', () => {
    const { value, missing } = interpolateEnv({ clusters: [{ sasl: { password: '${PW}', username: '${USER_X}' } }] }, { PW: 's3cret' });
    expect(value).toEqual({ clusters: [{ sasl: { password: 's3cret', username: '' } }] });
    expect(missing).toEqual(['USER_X (at clusters.0.sasl.username)']);
  });
});

describe('applyEnvOverrides', () => {
  it('overrides the first cluster only', () => {
    const out = applyEnvOverrides({ clusters: [LOCAL_STACK_CLUSTER, { name: 'b', bootstrapServers: ['b:1'] }] }, { KAFKA_BOOTSTRAP_SERVERS: 'k1:9092, k2:9092', SCHEMA_REGISTRY_URL: 'http://sr:8081' });
    expect(out.clusters[0]!.bootstrapServers).toEqual(['k1:9092', 'k2:9092']);
    expect(out.clusters[0]!.schemaRegistry?.url).toBe('http://sr:8081');
    expect(out.clusters[1]!.bootstrapServers).toEqual(['b:1']);
  });
});

describe('toPublicCluster', () => {
  it('never carries credentials or addresses to the browser', () => {
    const pub = toPublicCluster({ name: 'prod', bootstrapServers: ['k:9092'], sasl: { mechanism: 'plain', username: 'u', password: 'secret' }, schemaRegistry: { url: 'http://sr', auth: { username: 'u', password: 'secret2' } } });
    expect(pub).toEqual({ name: 'prod', displayName: 'prod', hasSchemaRegistry: true, hasConnect: false });
    expect(JSON.stringify(pub)).not.toMatch(/secret|k:9092/);
  });
});
