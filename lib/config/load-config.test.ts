import { describe, expect, it } from 'vitest';
import { loadConsoleConfig } from './load-config';

describe('loadConsoleConfig', () => {
  it('targets the local stack when there is no config file', () => {
    const c = loadConsoleConfig({ KEA_CONFIG: undefined });
    expect(c.clusters.map((x) => [x.name, x.bootstrapServers])).toEqual([['local', ['127.0.0.1:9092']]]);
  });

  it('reads the shipped example, resolving ${VARS}', () => {
    const c = loadConsoleConfig({ KEA_CONFIG: 'kea.config.example.yaml', PROD_EU_KAFKA_PASSWORD: 'a', PROD_EU_REGISTRY_PASSWORD: 'b' });
    expect(c.clusters.map((x) => x.name)).toEqual(['local', 'prod-eu']);
    expect(c.clusters[1]!.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'kea-console', password: 'a' });
  });

  it('names the missing variable and the missing file', () => {
    expect(() => loadConsoleConfig({ KEA_CONFIG: 'kea.config.example.yaml' })).toThrow(/PROD_EU_KAFKA_PASSWORD \(at clusters\.1\.sasl\.password\)/);
    expect(() => loadConsoleConfig({ KEA_CONFIG: 'no/such/file.yaml' })).toThrow(/KEA_CONFIG points at .*no\/such\/file\.yaml, which does not exist/);
  });

  it('applies env overrides to the default cluster', () => {
    const c = loadConsoleConfig({ KAFKA_BOOTSTRAP_SERVERS: 'kafka:9092', CONNECT_URL: 'http://connect:8083' });
    expect(c.clusters[0]).toMatchObject({ bootstrapServers: ['kafka:9092'], connect: { url: 'http://connect:8083' } });
  });
});
