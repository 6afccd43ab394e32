'use client';
import { useState } from 'react';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import type { Plan, PlanStep } from '@/lib/domain/design/plan';
import { applyPlanStep } from '@/lib/actions/designs/apply-plan-step';
import { planDesignChanges } from '@/lib/actions/designs/plan-design';
import { Button } from '@/components/ui/button';
import { useCanvas, useCanvasStoreApi } from '../canvas/canvas-context';
import { lintEnvironment } from '../canvas/findings';
import { failureMessage, runAction } from '../run-action';

type StepState = { status: 'pending' | 'running' | 'ok' | 'skipped' | 'failed'; message?: string };

const STATUS_STYLE: Record<StepState['status'], string> = {
  pending: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  running: 'bg-sky-100 text-sky-800',
  ok: 'bg-emerald-100 text-emerald-800',
  skipped: 'bg-slate-200 text-slate-700',
  failed: 'bg-red-100 text-red-800',
};

/**
 * Plan against a cluster for one environment, then apply step by step with a result per step.
 * Destructive steps are listed apart and run only when ticked. Plans are made from the saved
 * design (what apply runs), so unsaved edits are saved first.
 */
export function PlanPanel({ clusters, onSave }: { clusters: PublicCluster[]; onSave: () => Promise<boolean> }) {
  const store = useCanvasStoreApi();
  const environments = useCanvas((s) => s.document.environments.map((e) => e.name).join(','));
  const [cluster, setCluster] = useState(clusters[0]?.name ?? '');
  const defaultEnvironment = useCanvas((s) => lintEnvironment(s.document));
  const [environment, setEnvironment] = useState<string>(defaultEnvironment ?? environments.split(',')[0] ?? '');
  const [include, setInclude] = useState<string[]>([]);
  const [plan, setPlan] = useState<(Plan & { lintErrors: number; revision: number }) | null>(null);
  const [states, setStates] = useState<Record<string, StepState>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'planning' | 'applying' | null>(null);
  const [lastRun, setLastRun] = useState<{ ok: number; skipped: number; failed: number } | null>(null);

  const makePlan = async (chosen = include) => {
    setBusy('planning');
    setError(null);
    const s = store.getState();
    if (s.document !== s.savedDocument && !(await onSave())) {
      setBusy(null);
      return setError('Save the design first: the plan is made from the saved design.');
    }
    const { designId, revision } = store.getState();
    const r = await runAction(planDesignChanges, { id: designId, revision, cluster, environment: environment || null, include: chosen });
    setBusy(null);
    if (!r.ok) return setError(failureMessage(r));
    setPlan({ ...r.data.plan, lintErrors: r.data.lintErrors, revision });
    setStates({});
  };

  const apply = async () => {
    if (!plan) return;
    setBusy('applying');
    const { designId } = store.getState();
    const tally = { ok: 0, skipped: 0, failed: 0 };
    for (const step of plan.steps) {
      setStates((prev) => ({ ...prev, [step.id]: { status: 'running' } }));
      const r = await runAction(applyPlanStep, { id: designId, revision: plan.revision, cluster, environment: environment || null, include, stepId: step.id });
      const state: StepState = r.ok ? { status: r.data.outcome, message: r.data.message } : { status: 'failed', message: failureMessage(r) };
      tally[state.status as 'ok' | 'skipped' | 'failed']++;
      setStates((prev) => ({ ...prev, [step.id]: state }));
    }
    setBusy(null);
    setLastRun(tally);
  };

  const toggleDestructive = (id: string, on: boolean) => {
    const next = on ? [...include, id] : include.filter((x) => x !== id);
    setInclude(next);
    void makePlan(next);
  };

  const done = plan && plan.steps.length > 0 && plan.steps.every((s) => states[s.id]?.status === 'ok' || states[s.id]?.status === 'skipped');

  return (
    <div className="space-y-3 text-sm" aria-label="Plan and apply">
      <div className="grid grid-cols-2 gap-2">
        <label>
          <span className="label">Cluster</span>
          <select className="input" value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Plan cluster">
            {clusters.map((c) => (
              <option key={c.name} value={c.name}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="label">Environment</span>
          <select className="input" value={environment} onChange={(e) => setEnvironment(e.target.value)} aria-label="Plan environment">
            {environments
              .split(',')
              .filter(Boolean)
              .map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            <option value="">Base design (no overrides)</option>
          </select>
        </label>
      </div>
      <div className="flex gap-2">
        <Button variant="primary" onClick={() => void makePlan()} disabled={busy !== null || !cluster}>
          {busy === 'planning' ? 'Planning…' : plan ? 'Plan again' : 'Plan'}
        </Button>
        {plan && plan.steps.length > 0 && (
          <Button variant="danger" onClick={() => void apply()} disabled={busy !== null || !!done}>
            {busy === 'applying' ? 'Applying…' : `Apply ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}`}
          </Button>
        )}
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-xs text-red-900 dark:bg-red-950/50 dark:text-red-200">
          {error}
        </p>
      )}
      {plan && (
        <>
          {plan.lintErrors > 0 && (
            <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
              The design has {plan.lintErrors} lint error{plan.lintErrors === 1 ? '' : 's'} in this environment (see Problems). Applying is allowed, but check them first.
            </p>
          )}
          {plan.steps.length === 0 ? (
            <p data-testid="plan-empty" className="rounded bg-emerald-50 px-2 py-1.5 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200">
              Nothing to change: the cluster and registry match the design{plan.environment ? ` (${plan.environment})` : ''}.
            </p>
          ) : (
            <ol aria-label="Plan steps" className="space-y-1.5">
              {plan.steps.map((step, i) => (
                <StepRow key={step.id} index={i + 1} step={step} state={states[step.id] ?? { status: 'pending' }} />
              ))}
            </ol>
          )}
          {lastRun && (
            <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
              Last run: {lastRun.ok} applied, {lastRun.skipped} already done, {lastRun.failed} failed.{lastRun.failed > 0 ? ' Fix the cause and apply again: steps that succeeded are skipped.' : ''}
            </p>
          )}
          {done && (
            <Button onClick={() => void makePlan()} disabled={busy !== null}>
              Verify: plan again
            </Button>
          )}
          {plan.impossible.length > 0 && (
            <section>
              <h3 className="mb-1 text-xs font-semibold text-red-800 uppercase">Cannot be planned</h3>
              <ul className="space-y-1.5" aria-label="Impossible changes">
                {plan.impossible.map((x) => (
                  <li key={x.id} className="rounded border border-red-200 px-2 py-1.5 text-xs dark:border-red-900">
                    <p className="font-medium">{x.message}</p>
                    <p className="mt-0.5 text-slate-600 dark:text-slate-400">Instead: {x.fix}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {(plan.withheld.length > 0 || include.length > 0) && (
            <section>
              <h3 className="mb-1 text-xs font-semibold text-amber-800 uppercase">Destructive (left out unless ticked)</h3>
              <ul className="max-h-64 space-y-1 overflow-y-auto" aria-label="Destructive changes">
                {[...plan.steps.filter((s) => s.destructive), ...plan.withheld].map((s) => (
                  <li key={s.id}>
                    <label className="flex items-start gap-2 text-xs">
                      <input type="checkbox" checked={include.includes(s.id)} disabled={busy !== null} onChange={(e) => toggleDestructive(s.id, e.target.checked)} />
                      <span>{s.description}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function StepRow({ index, step, state }: { index: number; step: PlanStep; state: StepState }) {
  return (
    <li data-step={step.id} className="rounded border border-slate-200 px-2 py-1.5 text-xs dark:border-slate-800">
      <div className="flex items-start justify-between gap-2">
        <span>
          <span className="font-mono text-slate-500">{index}.</span> <span className="font-medium">{step.kind}</span> {step.destructive && <span className="rounded bg-red-600 px-1 text-white">destructive</span>}
          <span className="block text-slate-700 dark:text-slate-300">{step.description}</span>
        </span>
        <span data-testid="step-status" className={`shrink-0 rounded px-1.5 py-0.5 font-medium ${STATUS_STYLE[state.status]}`}>
          {state.status}
        </span>
      </div>
      {state.message && state.status !== 'ok' && <p className={`mt-1 ${state.status === 'failed' ? 'text-red-700' : 'text-slate-600'}`}>{state.message}</p>}
    </li>
  );
}
