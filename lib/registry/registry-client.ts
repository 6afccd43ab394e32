import 'server-only';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { ClusterConfig } from '@/lib/domain/config/console-config';
import { ConsoleError } from '@/lib/domain/console-error';
import { clusterConfig } from '@/lib/config/load-config';

/**
 * One @kafkajs/confluent-schema-registry client per cluster (it caches schemas by id, which is what
 * makes decoding a busy topic cheap), plus the few REST reads it does not offer. Any
 * Confluent-compatible API works: Confluent's, Apicurio's /apis/ccompat/v7, Karapace.
 */
const globalForRegistry = globalThis as unknown as { keaRegistries?: Map<string, SchemaRegistry> };
const registries = (globalForRegistry.keaRegistries ??= new Map());

export function hasRegistry(clusterName: string): boolean {
  return clusterConfig(clusterName).schemaRegistry !== undefined;
}

export function registryFor(clusterName: string): SchemaRegistry {
  let registry = registries.get(clusterName);
  if (!registry) {
    const c = registryConfigOf(clusterConfig(clusterName));
    registry = new SchemaRegistry({
      host: c.url,
      clientId: 'kafka-event-architect',
      ...(c.auth ? { auth: { username: c.auth.username, password: c.auth.password } } : {}),
      // A console must say "registry down" in seconds; the library's default retries take longer.
      retry: { retries: 1, initialRetryTimeInSecs: 0.2, maxRetryTimeInSecs: 1 },
    }, {
      // Say which rule a JSON value breaks ("must have required property 'qty'"), not just where.
      [SchemaType.JSON]: { detailedErrorPaths: true, allErrors: true },
    });
    registries.set(clusterName, registry);
  }
  return registry;
}

function registryConfigOf(c: ClusterConfig): NonNullable<ClusterConfig['schemaRegistry']> {
  if (!c.schemaRegistry) {
    throw new ConsoleError({ category: 'unsupported', message: `Cluster "${c.name}" has no schema registry configured (schemaRegistry.url in the console config).`, retryable: false });
  }
  return c.schemaRegistry;
}

/** GET on the registry's REST API, JSON in and out, errors as ConsoleError. */
export async function registryGet<T>(clusterName: string, path: string, timeoutMs = 5000): Promise<T> {
  const c = registryConfigOf(clusterConfig(clusterName));
  const headers: Record<string, string> = { Accept: 'application/vnd.schemaregistry.v1+json, application/json' };
  if (c.auth) headers.Authorization = `Basic ${Buffer.from(`${c.auth.username}:${c.auth.password}`).toString('base64')}`;
  let response: Response;
  try {
    response = await fetch(`${c.url.replace(/\/$/, '')}${path}`, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (e) {
    throw new ConsoleError({ category: 'unavailable', message: `Cannot reach the schema registry of cluster "${clusterName}": ${(e as Error).message}.`, retryable: true }, { cause: e });
  }
  if (response.status === 404) throw new ConsoleError({ category: 'not-found', message: `The schema registry has nothing at ${path}.`, retryable: false });
  if (!response.ok) throw new ConsoleError({ category: 'unavailable', message: `The schema registry answered ${response.status} for ${path}.`, retryable: response.status >= 500 });
  return (await response.json()) as T;
}

/** Subject names, sorted; for the produce form. */
export async function listSubjects(clusterName: string): Promise<string[]> {
  const subjects = await registryGet<string[]>(clusterName, '/subjects');
  return [...subjects].sort((a, b) => a.localeCompare(b));
}
