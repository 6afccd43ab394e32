'use client';
import { useMemo } from 'react';
import { designProblems } from '@/lib/domain/design/validate';
import { useCanvas } from '../canvas/canvas-context';
import { AddEnvironmentForm } from './add-environment-form';
import { EnvironmentCard } from './environment-card';
import { LintSettingsForm } from './lint-settings-form';

/**
 * Environments and design-level settings, edited like any other part of the document: through the
 * canvas store (one undo step per change) and saved with the design.
 */
export function SettingsPanel() {
  const design = useCanvas((s) => s.document);
  const problems = useMemo(() => designProblems(design).filter((p) => p.path[0] === 'environments'), [design]);
  return (
    <div aria-label="Design settings" className="space-y-5 text-sm">
      <LintSettingsForm design={design} />
      <section aria-label="Environments" className="space-y-2">
        <h2 className="text-sm font-semibold">Environments</h2>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          An environment overrides the base design: first its settings for every topic, then its per-topic ones. Without an environment the base design is planned, and linted with production rules.
        </p>
        {design.environments.map((environment, i) => (
          // Keyed by position: a rename must not remount the card the user is typing in.
          <EnvironmentCard key={i} index={i} environment={environment} design={design} problems={problems.filter((p) => p.path[1] === i)} />
        ))}
        <AddEnvironmentForm />
      </section>
    </div>
  );
}
