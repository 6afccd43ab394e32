import type { DesignIndex } from '../design-index';
import type { LiveState } from '../live-state';
import type { DesignDocument, Environment } from '../model';

export type Severity = 'error' | 'warning' | 'info';

/** Where a rule comes from, so a finding can be argued with. */
export interface LintSource {
  title: string;
  url: string;
}

export interface LintFinding {
  ruleId: string;
  severity: Severity;
  /** Names the element ("Topic "orders" ..."). */
  message: string;
  /** What to change, concretely. */
  fix: string;
  /** The node to focus on the canvas; null for findings about the design or the lint config. */
  elementId: string | null;
  /** The environment the design was resolved for; null for the base design. */
  environment: string | null;
}

export interface LintContext {
  /** Already resolved for the environment (overrides applied). */
  design: DesignDocument;
  index: DesignIndex;
  environment: Environment | null;
  production: boolean;
  /** Team convention for topic names, as a regular expression source. */
  topicNamePattern: string;
  /** Only rules comparing with the cluster read this; they stay silent without it. */
  live: LiveState | undefined;
}

export type RuleFinding = Pick<LintFinding, 'message' | 'fix' | 'elementId'> & { severity?: Severity };

export interface LintRule {
  id: string;
  title: string;
  /** Used when a finding does not set its own. */
  severity: Severity;
  sources: readonly LintSource[];
  check(context: LintContext): RuleFinding[];
}
