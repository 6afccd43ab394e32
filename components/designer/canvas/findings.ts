import { designProblems } from '@/lib/domain/design/validate';
import { lintAllEnvironments } from '@/lib/domain/design/lint/lint-design';
import type { DesignDocument } from '@/lib/domain/design/model';
import type { CanvasFinding, ElementFindings } from './canvas-types';

/** Format problems (references, configs) first, then every lint finding of the base design and its environments. */
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
  const lint: CanvasFinding[] = lintAllEnvironments(design).map((f, i) => ({
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
