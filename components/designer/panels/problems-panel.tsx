'use client';
import { useCanvas } from '../canvas/canvas-context';
import { lintEnvironment } from '../canvas/findings';

const ICON = { error: '⛔', warning: '⚠', info: 'ℹ' } as const;

/** Format problems and lint findings; a click focuses the element on the canvas. */
export function ProblemsPanel() {
  const findings = useCanvas((s) => s.findings);
  const focus = useCanvas((s) => s.focusElement);
  const environment = useCanvas((s) => lintEnvironment(s.document));
  const setPanel = useCanvas((s) => s.setPanel);
  const scope = (
    <p data-testid="lint-scope" className="mb-2 text-xs text-slate-600 dark:text-slate-400">
      Linting {environment ? <>environment <span className="font-mono font-medium">{environment}</span></> : 'the base design and every environment'} ·{' '}
      <button type="button" className="text-sky-700 hover:underline dark:text-sky-400" onClick={() => setPanel('settings')}>
        change in Settings
      </button>
    </p>
  );
  if (findings.length === 0) {
    return (
      <>
        {scope}
        <p className="text-sm text-emerald-700 dark:text-emerald-400">No problems: every lint rule passes {environment ? `in ${environment}` : 'in every environment'}.</p>
      </>
    );
  }
  return (
    <>
      {scope}
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
    </>
  );
}
