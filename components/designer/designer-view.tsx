'use client';
import Link from 'next/link';
import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { ReactFlowProvider } from '@xyflow/react';
import type { DesignDocument } from '@/lib/domain/design/model';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import { importDesign } from '@/lib/actions/designs/import-design';
import { Button } from '@/components/ui/button';
import { CanvasStoreProvider, useCanvas, useCanvasStoreApi } from './canvas/canvas-context';
import { DesignCanvas } from './canvas/design-canvas';
import { Palette } from './canvas/palette';
import { useCanvasKeys } from './canvas/use-canvas-keys';
import { useSaveDesign } from './canvas/use-save-design';
import { InspectorPanel } from './inspector/inspector-panel';
import { ExportPanel, type ExporterOption } from './panels/export-panel';
import { HistoryPanel } from './panels/history-panel';
import { PlanPanel } from './panels/plan-panel';
import { ProblemsPanel } from './panels/problems-panel';
import { LiveOverlay } from './panels/live-overlay';
import { SettingsPanel } from './settings/settings-panel';
import type { SidePanel } from './canvas/canvas-store';
import { failureMessage, runAction } from './run-action';

// Monaco is large: it loads only when a schema is opened, and never on the server.
const SchemaEditor = dynamic(() => import('./schema/schema-editor').then((m) => m.SchemaEditor), {
  ssr: false,
  loading: () => <div className="absolute inset-0 z-20 grid place-items-center bg-white/80 text-sm dark:bg-slate-950/80">Loading the schema editor…</div>,
});

export interface DesignerProps {
  designId: string;
  revision: number;
  document: DesignDocument;
  clusters: PublicCluster[];
  exporters: readonly ExporterOption[];
}

export function DesignerView(props: DesignerProps) {
  return (
    <CanvasStoreProvider designId={props.designId} revision={props.revision} document={props.document}>
      <ReactFlowProvider>
        <Designer {...props} />
      </ReactFlowProvider>
    </CanvasStoreProvider>
  );
}

const TABS: { id: SidePanel; label: string }[] = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'problems', label: 'Problems' },
  { id: 'plan', label: 'Plan & apply' },
  { id: 'history', label: 'History' },
  { id: 'export', label: 'Export' },
  { id: 'settings', label: 'Settings' },
];

function Designer({ clusters, exporters }: DesignerProps) {
  const store = useCanvasStoreApi();
  const router = useRouter();
  const name = useCanvas((s) => s.document.name);
  const revision = useCanvas((s) => s.revision);
  const dirty = useCanvas((s) => s.document !== s.savedDocument);
  const canUndo = useCanvas((s) => s.past.length > 0);
  const canRedo = useCanvas((s) => s.future.length > 0);
  const panel = useCanvas((s) => s.panel);
  const errors = useCanvas((s) => s.findings.filter((f) => f.severity === 'error').length);
  const warnings = useCanvas((s) => s.findings.filter((f) => f.severity === 'warning').length);
  const notice = useCanvas((s) => s.notice);
  const schemaEditorFor = useCanvas((s) => s.schemaEditorFor);
  const liveEnabled = useCanvas((s) => s.liveEnabled);
  const { status, save, clear } = useSaveDesign();
  useCanvasKeys(save);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const keepCopy = async () => {
    const { document } = store.getState();
    const r = await runAction(importDesign, { fileName: 'copy.json', text: JSON.stringify({ ...document, name: `${document.name} (my copy)` }) });
    if (!r.ok) return store.getState().setNotice({ tone: 'error', text: failureMessage(r) });
    router.push(`/designs/${r.data.id}`);
  };

  return (
    <div className="flex h-screen flex-col">
      <header className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
        <Link href="/designs" className="text-sm text-sky-700 hover:underline dark:text-sky-400">
          ← Designs
        </Link>
        <h1 className="mx-2 truncate text-base font-semibold" title={name}>
          {name}
        </h1>
        <span data-testid="save-state" className="text-xs text-slate-500">
          {status.state === 'saving' ? 'Saving…' : dirty ? 'Unsaved changes' : `Saved · r${revision}`}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-1.5">
          <Button onClick={() => store.getState().undo()} disabled={!canUndo} title="Ctrl+Z">
            Undo
          </Button>
          <Button onClick={() => store.getState().redo()} disabled={!canRedo} title="Ctrl+Shift+Z">
            Redo
          </Button>
          <Button onClick={() => store.getState().autoLayout()}>Auto-layout</Button>
          <label className="flex items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-700">
            <input type="checkbox" checked={liveEnabled} onChange={(e) => store.getState().setLiveEnabled(e.target.checked)} />
            Live overlay
          </label>
          <Button variant="primary" onClick={() => void save()} disabled={status.state === 'saving' || !dirty} title="Ctrl+S">
            Save
          </Button>
        </div>
      </header>
      {status.state === 'conflict' && (
        <div role="alert" className="flex flex-wrap items-center gap-2 border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <span className="font-semibold">Not saved.</span> {status.message}
          <span className="ml-auto flex gap-2">
            <Button onClick={() => window.location.reload()}>Reload (drop my changes)</Button>
            <Button onClick={() => void keepCopy()}>Keep mine as a copy</Button>
          </span>
        </div>
      )}
      {status.state === 'error' && (
        <div role="alert" className="flex items-center gap-2 border-b border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-950/50 dark:text-red-200">
          <span className="font-semibold">Not saved.</span> {status.message}
          <Button className="ml-auto" onClick={clear}>
            Dismiss
          </Button>
        </div>
      )}
      <div className="flex min-h-0 flex-1">
        <aside className="w-40 shrink-0 overflow-y-auto border-r border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
          <Palette />
        </aside>
        <main className="relative min-w-0 flex-1 bg-slate-50 dark:bg-slate-950">
          <DesignCanvas />
          {notice && (
            <div role={notice.tone === 'error' ? 'alert' : 'status'} className={`absolute top-2 left-1/2 z-10 flex max-w-xl -translate-x-1/2 items-start gap-2 rounded-md px-3 py-2 text-sm shadow ${notice.tone === 'error' ? 'bg-red-600 text-white' : 'bg-slate-800 text-white'}`}>
              {notice.text}
              <button type="button" aria-label="Dismiss" className="ml-2 opacity-80" onClick={() => store.getState().setNotice(null)}>
                ×
              </button>
            </div>
          )}
          {liveEnabled && <LiveOverlay clusters={clusters} />}
          {schemaEditorFor && <SchemaEditor schemaId={schemaEditorFor} clusters={clusters} />}
        </main>
        <aside className="flex w-96 shrink-0 flex-col border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <div role="tablist" aria-label="Side panel" className="flex justify-between overflow-x-auto border-b border-slate-200 px-1 text-xs dark:border-slate-800">
            {TABS.map((t) => (
              <button
                key={t.id}
                role="tab"
                type="button"
                aria-selected={panel === t.id}
                onClick={() => store.getState().setPanel(t.id)}
                className="px-1 py-2 font-medium whitespace-nowrap text-slate-600 aria-selected:border-b-2 aria-selected:border-sky-600 aria-selected:text-sky-700 dark:text-slate-400 dark:aria-selected:text-sky-300"
              >
                {t.label}
                {t.id === 'problems' && (errors > 0 || warnings > 0) && (
                  <span data-testid="problem-count" className={`ml-1 rounded px-1 text-white ${errors ? 'bg-red-600' : 'bg-amber-500'}`}>
                    {errors + warnings}
                  </span>
                )}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto p-3">
            {panel === 'inspector' && <InspectorPanel />}
            {panel === 'problems' && <ProblemsPanel />}
            {panel === 'plan' && <PlanPanel clusters={clusters} onSave={save} />}
            {panel === 'history' && <HistoryPanel />}
            {panel === 'export' && <ExportPanel exporters={exporters} />}
            {panel === 'settings' && <SettingsPanel />}
          </div>
        </aside>
      </div>
    </div>
  );
}
