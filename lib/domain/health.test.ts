import { describe, expect, it } from 'vitest';
import { clusterStatus, overallStatus, type ClusterHealth } from './health';

const up = { ok: true, configured: true, latencyMs: 1 };
const down = { ok: false, configured: true, latencyMs: 1, error: 'x' };
const absent = { ok: false, configured: false, latencyMs: 0 };
const h = (kafka: typeof up, sr: typeof up | typeof absent, connect: typeof up | typeof absent): ClusterHealth => ({ name: 'c', kafka, schemaRegistry: sr, connect });

describe('health status', () => {
  it.each([
    [h(up, up, up), 'ok'],
    [h(up, absent, absent), 'ok'],
    [h(up, down, up), 'degraded'],
    [h(down, up, up), 'down'],
  ])('%#', (health, expected) => expect(clusterStatus(health)).toBe(expected));

  it('is degraded overall when only some clusters are down', () => {
    expect(overallStatus([h(up, up, up), h(down, absent, absent)])).toBe('degraded');
    expect(overallStatus([h(down, absent, absent)])).toBe('down');
  });
});
