'use client';
import { useState } from 'react';
import { useCanvas } from '../canvas/canvas-context';

/** Every exporter as a download of the saved design; per-environment ones for the chosen environment. */
export interface ExporterOption {
  id: string;
  label: string;
  description: string;
  perEnvironment: boolean;
}

export function ExportPanel({ exporters }: { exporters: readonly ExporterOption[] }) {
  const designId = useCanvas((s) => s.designId);
  const environments = useCanvas((s) => s.document.environments.map((e) => e.name).join(','));
  const dirty = useCanvas((s) => s.document !== s.savedDocument);
  const [environment, setEnvironment] = useState('');
  return (
    <div className="space-y-3 text-sm">
      {dirty && <p className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">Exports are made from the saved design: save first to include your latest changes.</p>}
      <label className="block">
        <span className="label">Environment</span>
        <select className="input" value={environment} onChange={(e) => setEnvironment(e.target.value)} aria-label="Export environment">
          <option value="">Base design (no overrides)</option>
          {environments
            .split(',')
            .filter(Boolean)
            .map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
        </select>
      </label>
      <ul className="space-y-1.5" aria-label="Exports">
        {exporters.map((x) => (
          <li key={x.id}>
            <a
              className="block rounded-md border border-slate-200 px-2 py-1.5 hover:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-800"
              href={`/api/designs/${designId}/export/${x.id}${x.perEnvironment && environment ? `?environment=${encodeURIComponent(environment)}` : ''}`}
              download
            >
              <span className="font-medium text-sky-700 dark:text-sky-400">{x.label}</span>
              <span className="block text-xs text-slate-600 dark:text-slate-400">{x.description}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
