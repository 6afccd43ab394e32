import { indexDesign } from '../design-index';
import { resolveEnvironment } from '../environment';
import type { LiveState } from '../live-state';
import type { DesignDocument } from '../model';
import { compactedTopicKeyRule } from './compaction-rule';
import { minInsyncReplicasRule, replicationFactorRule, uncleanLeaderElectionRule } from './durability-rules';
import { exactlyOnceConsumerRule, exactlyOnceProducerRule, idempotenceAcksRule } from './exactly-once-rules';
import { designIntegrityRule } from './integrity-rule';
import type { LintFinding, LintRule, Severity } from './lint-types';
import { DEFAULT_TOPIC_NAME_PATTERN, topicNamingRule } from './naming-rule';
import { consumerParallelismRule, keyedPartitionGrowthRule } from './partition-rules';
import { retryNeedsDlqRule } from './retry-rules';
import { topicHasSchemaRule } from './schema-rule';

/** Every rule, in the order findings of equal severity are listed. Ids are stable: settings and suppressions refer to them. */
export const LINT_RULES: readonly LintRule[] = [
  designIntegrityRule,
  replicationFactorRule,
  minInsyncReplicasRule,
  uncleanLeaderElectionRule,
  compactedTopicKeyRule,
  exactlyOnceProducerRule,
  idempotenceAcksRule,
  exactlyOnceConsumerRule,
  retryNeedsDlqRule,
  consumerParallelismRule,
  keyedPartitionGrowthRule,
  topicHasSchemaRule,
  topicNamingRule,
];

const BY_ID = new Map(LINT_RULES.map((r) => [r.id, r]));

export function lintRule(id: string): LintRule | undefined {
  return BY_ID.get(id);
}

export interface LintOptions {
  /** Lint the design as this environment sees it; absent: the base design, held to production rules. */
  environment?: string | null;
  /** Regular expression source; defaults to the design's setting, then DEFAULT_TOPIC_NAME_PATTERN. */
  topicNamePattern?: string;
  /** Defaults to the design's setting. */
  disabledRules?: readonly string[];
  /** The cluster as it is; rules comparing with it (keyed-topic-partition-growth) stay silent without it. */
  live?: LiveState;
  /** Replaces the registry, for tests and for a future plugin point. */
  rules?: readonly LintRule[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every enabled rule; errors first, then by rule, then in design order. */
export function lintDesign(design: DesignDocument, options: LintOptions = {}): LintFinding[] {
  const resolved = resolveEnvironment(design, options.environment);
  const context = {
    design: resolved.design,
    index: indexDesign(resolved.design),
    environment: resolved.environment,
    production: resolved.production,
    topicNamePattern: options.topicNamePattern ?? design.settings?.lint?.topicNamePattern ?? DEFAULT_TOPIC_NAME_PATTERN,
    live: options.live,
  };
  const disabled = new Set(options.disabledRules ?? design.settings?.lint?.disabledRules ?? []);
  const rules = (options.rules ?? LINT_RULES).filter((r) => !disabled.has(r.id));
  const findings = rules.flatMap((rule, order) =>
    rule.check(context).map((f) => ({
      order,
      finding: { ruleId: rule.id, severity: f.severity ?? rule.severity, message: f.message, fix: f.fix, elementId: f.elementId, environment: resolved.environment?.name ?? null },
    })),
  );
  // Array.prototype.sort is stable, so design order survives within a rule.
  return findings.sort((a, b) => SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] || a.order - b.order).map((f) => f.finding);
}

/**
 * The base design and every environment in one list, for the designer's problems panel. A finding
 * that reads the same in several environments is listed once, under the first that has it.
 */
export function lintAllEnvironments(design: DesignDocument, options: Omit<LintOptions, 'environment'> = {}): LintFinding[] {
  const seen = new Set<string>();
  const all: LintFinding[] = [];
  for (const environment of [null, ...design.environments.map((e) => e.name)]) {
    for (const f of lintDesign(design, { ...options, environment })) {
      const key = `${f.ruleId}\u0000${f.elementId ?? ''}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      all.push(f);
    }
  }
  return all.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
