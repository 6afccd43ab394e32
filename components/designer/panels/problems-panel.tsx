'use client';
import { useCanvas } from '../canvas/canvas-context';

const ICON = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

/** Format problems and lint findings; a click focuses the element on the canvas. */
export function ProblemsPanel() {
  const findings = useCanvas((s) => s.findings);
  const focus = useCanvas((s) => s.focusElement);
  if (findings.length === 0) return <p className="text-sm text-emerald-700 dark:text-emerald-400">No problems: every lint rule passes in every environment.</p>;
  return (
    <ul aria-label="Problems" className="space-y-1.5">
      {findings.map((f) => (
        <li key={f.key}>
          <button
            type="button"
            disabled={!f.elementId}
            onClick={() => f.elementId && focus(f.elementId)}
            className={`w-full rounded-md border px-2 py-1.5 text-left text-xs enabled:hover:bg-slate-50 dark:enabled:hover:bg-slate-800 ${f.severity === 'error' ? 'border-red-200 dark:border-red-900' : 'border-amber-200 dark:border-amber-900'}`}
          >
            <span className="flex items-start gap-1.5">
              <span aria-label={f.severity}>{ICON[f.severity]}</span>
              <span>
                <span className="font-medium text-slate-900 dark:text-slate-100">{f.message}</span>
                {f.fix && <span className="mt-0.5 block text-slate-600 dark:text-slate-400">Fix: {f.fix}</span>}
                <span className="mt-0.5 block font-mono text-[10px] text-slate-500">
                  {f.ruleId}
                  {f.environment ? ` · ${f.environment}` : ''}
                </span>
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
