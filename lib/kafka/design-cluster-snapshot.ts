import 'server-only';
import { clusterConfig } from '@/lib/config/load-config';
import { ConsoleError } from '@/lib/domain/console-error';
import type { ClusterSnapshot } from '@/lib/domain/design/edit/import-cluster';
import { basicAuthHeader } from '@/lib/health/http-probe';
import { designRegistry } from '@/lib/registry/design-registry';
import { consumerGroups } from './groups';
import { kafka } from './index';

/** Bounds for one import: a design is for people to read, not a dump of a 10,000-topic cluster. */
export const IMPORT_LIMITS = { topics: 300, subjects: 300, connectors: 100 } as const;

async function bounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/**
 * Reads what the importer turns into a design: topics whose name contains `filter` (with their own
 * config overrides), consumer groups and the topics they read (through the groups service), the
 * registry's subjects, and Connect's connectors. Registry and Connect are optional: when one is not
 * configured or does not answer, the import goes on without it and says so.
 */
export async function readClusterSnapshot(clusterName: string, filter: string): Promise<{ snapshot: ClusterSnapshot; warnings: string[] }> {
  const warnings: string[] = [];
  const { topics: topicService } = kafka(clusterName);
  const matches = (name: string) => filter === '' || name.includes(filter);
  const summaries = (await topicService.list()).filter((t) => !t.internal && matches(t.name));
  if (summaries.length > IMPORT_LIMITS.topics) warnings.push(`${summaries.length} topics match; only the first ${IMPORT_LIMITS.topics} (by name) are imported. Narrow the filter to import others.`);
  const chosen = summaries.sort((a, b) => a.name.localeCompare(b.name)).slice(0, IMPORT_LIMITS.topics);
  const topics = await bounded(chosen, 8, async (t) => {
    const d = await topicService.describe(t.name);
    return { name: t.name, partitions: d.partitions.length, replicationFactor: d.replicationFactor, configs: Object.fromEntries(d.configs.filter((c) => c.source === 'topic' && c.value !== null).map((c) => [c.name, c.value!])) };
  });
  const names = new Set(topics.map((t) => t.name));

  let groups: ClusterSnapshot['groups'] = [];
  try {
    groups = (await consumerGroups(clusterName).list()).filter((g) => g.protocolType !== 'connect' && g.topics.some((t) => names.has(t))).map((g) => ({ groupId: g.groupId, state: g.state, topics: g.topics }));
  } catch (e) {
    warnings.push(`Consumer groups were not read: ${(e as Error).message}`);
  }

  let subjects: ClusterSnapshot['subjects'] = [];
  if (clusterConfig(clusterName).schemaRegistry) {
    try {
      const registry = designRegistry(clusterName);
      const all = (await registry.subjects()).filter((s) => filter === '' || s.includes(filter));
      if (all.length > IMPORT_LIMITS.subjects) warnings.push(`${all.length} subjects match; the first ${IMPORT_LIMITS.subjects} are imported.`);
      subjects = (
        await bounded(all.slice(0, IMPORT_LIMITS.subjects), 8, async (subject) => {
          const [latest, compatibility] = await Promise.all([registry.latest(subject), registry.compatibility(subject)]);
          return latest ? { subject, format: latest.format, definition: latest.definition, compatibility } : null;
        })
      ).filter((s): s is NonNullable<typeof s> => s !== null);
    } catch (e) {
      warnings.push(`Schemas were not read: ${(e as Error).message}`);
    }
  }

  let connectors: ClusterSnapshot['connectors'] = [];
  try {
    connectors = (await readConnectors(clusterName)).filter((c) => c.topics.some((t) => names.has(t)));
  } catch (e) {
    warnings.push(`Connectors were not read: ${(e as Error).message}`);
  }
  return { snapshot: { cluster: clusterName, topics, groups, subjects, connectors }, warnings };
}

/** Connect REST: `GET /connectors?expand=info`, and each connector's active topics (KIP-558) where the worker tracks them. */
async function readConnectors(clusterName: string): Promise<ClusterSnapshot['connectors']> {
  const connect = clusterConfig(clusterName).connect;
  if (!connect) return [];
  const base = connect.url.replace(/\/$/, '');
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${base}${path}`, { headers: { Accept: 'application/json', ...basicAuthHeader(connect.auth) }, signal: AbortSignal.timeout(5000), cache: 'no-store' });
    if (!res.ok) throw new ConsoleError({ category: 'unavailable', message: `Kafka Connect answered ${res.status} for ${path}.`, retryable: res.status >= 500 });
    return (await res.json()) as T;
  };
  const all = await get<Record<string, { info: { config: Record<string, string>; type: string } }>>('/connectors?expand=info');
  const entries = Object.entries(all).slice(0, IMPORT_LIMITS.connectors);
  return bounded(entries, 4, async ([name, { info }]) => {
    const direction = info.type === 'sink' ? 'sink' : 'source';
    let topics = (info.config.topics ?? info.config.topic ?? '').split(',').map((t) => t.trim()).filter(Boolean);
    if (topics.length === 0) {
      try {
        topics = (await get<Record<string, { topics: string[] }>>(`/connectors/${encodeURIComponent(name)}/topics`))[name]?.topics ?? [];
      } catch {
        topics = [];
      }
    }
    return { name, direction, connectorClass: info.config['connector.class'] ?? 'unknown', topics };
  });
}
