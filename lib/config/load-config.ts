import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  LOCAL_STACK_CLUSTER,
  applyEnvOverrides,
  consoleConfigSchema,
  describeConfigIssues,
  interpolateEnv,
  toPublicCluster,
  type ClusterConfig,
  type ConsoleConfig,
  type PublicCluster,
} from '@/lib/domain/config/console-config';
import { ConsoleError } from '@/lib/domain/console-error';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads KEA_CONFIG (or ./kea.config.yaml); without a file, the local stack is the one cluster. */
export function loadConsoleConfig(env: Record<string, string | undefined> = process.env): ConsoleConfig {
  const explicit = env.KEA_CONFIG;
  const file = path.resolve(explicit ?? 'kea.config.yaml');
  let raw: unknown = { clusters: [LOCAL_STACK_CLUSTER] };
  let source = 'built-in defaults (local stack)';
  if (fs.existsSync(file)) {
    source = file;
    try {
      raw = YAML.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw new ConfigError(`Cannot parse ${file} as YAML: ${(e as Error).message}`);
    }
  } else if (explicit) {
    throw new ConfigError(`KEA_CONFIG points at ${file}, which does not exist.`);
  }
  const { value, missing } = interpolateEnv(raw, env);
  if (missing.length) throw new ConfigError(`${source} refers to environment variables that are not set: ${missing.join(', ')}`);
  const parsed = consoleConfigSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(describeConfigIssues(parsed.error, source));
  return applyEnvOverrides(parsed.data, env);
}

const globalForConfig = globalThis as unknown as { keaConfig?: ConsoleConfig };

export function consoleConfig(): ConsoleConfig {
  globalForConfig.keaConfig ??= loadConsoleConfig();
  return globalForConfig.keaConfig;
}

export function clusterConfig(name: string): ClusterConfig {
  const found = consoleConfig().clusters.find((c) => c.name === name);
  if (!found) throw new ConsoleError({ category: 'not-found', message: `No cluster named "${name}" is configured.`, retryable: false });
  return found;
}

export function publicClusters(): PublicCluster[] {
  return consoleConfig().clusters.map(toPublicCluster);
}
