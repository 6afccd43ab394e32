import { z } from 'zod';

/**
 * The console's configuration file (YAML): the clusters it can reach. Secrets may be written as
 * ${ENV_VAR} so the file itself can be committed; they are resolved on the server only.
 */
const hostPort = z.string().regex(/^[^\s:]+:\d{1,5}$/, 'Use host:port, e.g. 127.0.0.1:9092.');
const httpUrl = z.url({ protocol: /^https?$/, error: 'Use an http(s) URL.' });

const basicAuth = z.object({ username: z.string().min(1), password: z.string() }).strict();

const sasl = z
  .object({
    mechanism: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']),
    username: z.string().min(1),
    password: z.string(),
  })
  .strict();

const tls = z.union([
  z.boolean(),
  z
    .object({
      caFile: z.string().optional(),
      certFile: z.string().optional(),
      keyFile: z.string().optional(),
      rejectUnauthorized: z.boolean().default(true),
    })
    .strict(),
]);

export const clusterConfigSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Cluster names are lowercase letters, digits and "-" (they appear in URLs).'),
    displayName: z.string().optional(),
    bootstrapServers: z.array(hostPort).min(1, 'List at least one bootstrap server.'),
    sasl: sasl.optional(),
    tls: tls.optional(),
    schemaRegistry: z.object({ url: httpUrl, auth: basicAuth.optional() }).strict().optional(),
    connect: z.object({ url: httpUrl, auth: basicAuth.optional() }).strict().optional(),
  })
  .strict();

export const consoleConfigSchema = z
  .object({ clusters: z.array(clusterConfigSchema).min(1, 'Configure at least one cluster.') })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.clusters.forEach((cluster, i) => {
      if (seen.has(cluster.name)) ctx.addIssue({ code: 'custom', message: `Cluster name "${cluster.name}" is used twice.`, path: ['clusters', i, 'name'] });
      seen.add(cluster.name);
    });
  });

export type ClusterConfig = z.infer<typeof clusterConfigSchema>;
export type ConsoleConfig = z.infer<typeof consoleConfigSchema>;

/** What the browser may know about a cluster: never addresses' credentials or TLS material. */
export interface PublicCluster {
  name: string;
  displayName: string;
  hasSchemaRegistry: boolean;
  hasConnect: boolean;
}

export function toPublicCluster(c: ClusterConfig): PublicCluster {
  return { name: c.name, displayName: c.displayName ?? c.name, hasSchemaRegistry: !!c.schemaRegistry, hasConnect: !!c.connect };
}

/** The local stack started by scripts/stack.sh; used when no config file exists. */
export const LOCAL_STACK_CLUSTER: ClusterConfig = {
  name: 'local',
  displayName: 'Local stack',
  bootstrapServers: ['127.0.0.1:9092'],
  schemaRegistry: { url: 'http://127.0.0.1:8081/apis/ccompat/v7' },
  connect: { url: 'http://127.0.0.1:8083' },
};

export interface ConfigEnv {
  KAFKA_BOOTSTRAP_SERVERS?: string;
  SCHEMA_REGISTRY_URL?: string;
  CONNECT_URL?: string;
  [key: string]: string | undefined;
}

/** Replaces ${NAME} in every string of the parsed YAML; a missing variable is an error, not "". */
export function interpolateEnv(value: unknown, env: ConfigEnv, path: string[] = []): { value: unknown; missing: string[] } {
  const missing: string[] = [];
  const walk = (v: unknown, p: string[]): unknown => {
    if (typeof v === 'string') {
      return v.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
        const found = env[name];
        if (found === undefined) missing.push(`${name} (at ${p.join('.') || 'root'})`);
        return found ?? '';
      });
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...p, String(i)]));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...p, k])]));
    return v;
  };
  return { value: walk(value, path), missing };
}

/** Env variables override the first cluster's addresses (the common single-cluster deployment). */
export function applyEnvOverrides(config: ConsoleConfig, env: ConfigEnv): ConsoleConfig {
  const [first, ...rest] = config.clusters;
  if (!first) return config;
  const overridden: ClusterConfig = { ...first };
  if (env.KAFKA_BOOTSTRAP_SERVERS) overridden.bootstrapServers = env.KAFKA_BOOTSTRAP_SERVERS.split(',').map((s) => s.trim()).filter(Boolean);
  if (env.SCHEMA_REGISTRY_URL) overridden.schemaRegistry = { ...first.schemaRegistry, url: env.SCHEMA_REGISTRY_URL };
  if (env.CONNECT_URL) overridden.connect = { ...first.connect, url: env.CONNECT_URL };
  return { clusters: [overridden, ...rest] };
}

/** Flattens zod issues into lines a person can act on: "clusters.0.bootstrapServers.0: Use host:port…". */
export function describeConfigIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
  return `Invalid console configuration in ${source}:\n${lines.join('\n')}`;
}
