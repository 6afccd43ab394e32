import { designProblems } from '@/lib/domain/design/validate';
import { lintAllEnvironments, lintDesign } from '@/lib/domain/design/lint/lint-design';
import type { DesignDocument } from '@/lib/domain/design/model';
import type { CanvasFinding, ElementFindings } from './canvas-types';

/**
 * Format problems (references, configs) first, then lint findings: of the design's default
 * environment when it names one (settings), else of the base design and every environment.
 */
export function computeFindings(design: DesignDocument): CanvasFinding[] {
  const problems: CanvasFinding[] = designProblems(design).map((p, i) => ({
    key: `format:${i}:${p.message}`,
    severity: 'error',
    message: p.message,
    fix: null,
    elementId: p.elementId,
    ruleId: 'design-format',
    environment: null,
  }));
  const environment = lintEnvironment(design);
  const lint: CanvasFinding[] = (environment ? lintDesign(design, { environment }) : lintAllEnvironments(design)).map((f, i) => ({
    key: `lint:${i}:${f.ruleId}:${f.elementId ?? ''}`,
    severity: f.severity,
    message: f.message,
    fix: f.fix,
    elementId: f.elementId,
    ruleId: f.ruleId,
    environment: f.environment,
  }));
  return [...problems, ...lint];
}

/** The environment lint is scoped to; a default that names no environment (reported as a format problem) scopes nothing. */
export function lintEnvironment(design: DesignDocument): string | null {
  const name = design.settings?.defaultEnvironment;
  return name !== undefined && design.environments.some((e) => e.name === name) ? name : null;
}

export function findingsByElement(findings: readonly CanvasFinding[]): Record<string, ElementFindings> {
  const out: Record<string, ElementFindings> = {};
  for (const f of findings) {
    if (!f.elementId || f.severity === 'info') continue;
    const entry = (out[f.elementId] ??= { errors: 0, warnings: 0, first: f.message });
    if (f.severity === 'error') entry.errors++;
    else entry.warnings++;
  }
  return out;
}
