import type { DesignDocument, Environment, Topic } from './model';

/** A design as one environment sees it: overrides applied, plus whether production rules apply. */
export interface ResolvedDesign {
  design: DesignDocument;
  environment: Environment | null;
  production: boolean;
}

export class UnknownEnvironmentError extends Error {
  constructor(
    readonly environment: string,
    readonly known: readonly string[],
  ) {
    super(`This design has no environment "${environment}"; it has ${known.length ? known.map((n) => `"${n}"`).join(', ') : 'none'}.`);
    this.name = 'UnknownEnvironmentError';
  }
}

/**
 * Applies an environment's overrides to every topic: base design, then the environment's
 * `topicDefaults` (e.g. dev: replication factor 1 everywhere), then its per-topic overrides, so the
 * most specific setting wins. A `null` config value removes the key: the design no longer sets it
 * there, so the plan leaves the cluster's value alone.
 *
 * Without an environment the base design is returned and treated as production: the base is what
 * gets deployed when no environment is named, so it is held to the strictest rules.
 */
export function resolveEnvironment(design: DesignDocument, environmentName?: string | null): ResolvedDesign {
  if (environmentName === undefined || environmentName === null) return { design, environment: null, production: true };
  const environment = design.environments.find((e) => e.name === environmentName);
  if (!environment) throw new UnknownEnvironmentError(environmentName, design.environments.map((e) => e.name));
  return { design: { ...design, topics: design.topics.map((t) => applyOverrides(t, environment)) }, environment, production: environment.production };
}

function applyOverrides(topic: Topic, environment: Environment): Topic {
  const defaults = environment.topicDefaults;
  const own = environment.topics[topic.id];
  return {
    ...topic,
    partitions: own?.partitions ?? topic.partitions,
    replicationFactor: own?.replicationFactor ?? defaults?.replicationFactor ?? topic.replicationFactor,
    configs: mergeConfigs(mergeConfigs(topic.configs, defaults?.configs), own?.configs),
  };
}

function mergeConfigs(base: Record<string, string>, overrides: Record<string, string | null> | undefined): Record<string, string> {
  if (!overrides) return base;
  const merged = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
