import 'server-only';
import { consoleConfig } from '@/lib/config/load-config';
import type { ClusterHealth } from '@/lib/domain/health';
import { kafkaHealth } from '@/lib/kafka/kafka-health';
import { registryHealth } from '@/lib/registry/registry-health';
import { connectHealth } from '@/lib/connect/connect-health';

export async function checkHealth(only?: string): Promise<ClusterHealth[]> {
  const clusters = consoleConfig().clusters.filter((c) => !only || c.name === only);
  return Promise.all(
    clusters.map(async (c) => {
      const [kafka, schemaRegistry, connect] = await Promise.all([kafkaHealth(c.name), registryHealth(c), connectHealth(c)]);
      return { name: c.name, kafka, schemaRegistry, connect };
    }),
  );
}
