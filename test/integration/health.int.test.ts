import './setup-env';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHealth } from '@/lib/health/check-health';
import { clusterStatus } from '@/lib/domain/health';
import { disconnectAll } from '@/lib/kafka/client-pool';

afterAll(() => disconnectAll());

describe('health of the real stack', () => {
  it('reports Kafka, the registry and Connect reachable for the local stack', async () => {
    const [local] = await checkHealth('local');
    expect(local).toMatchObject({ name: 'local', kafka: { ok: true }, schemaRegistry: { ok: true, configured: true }, connect: { ok: true, configured: true } });
    expect(clusterStatus(local!)).toBe('ok');
  });

  it('reports the unreachable cluster as down with a reason', async () => {
    const [down] = await checkHealth('down');
    expect(down!.kafka.ok).toBe(false);
    expect(down!.kafka.error).toMatch(/reach|no answer/i);
    expect(down!.schemaRegistry.configured).toBe(false);
    expect(clusterStatus(down!)).toBe('down');
  });
});
