'use client';
import { useReactFlow } from '@xyflow/react';
import { PALETTE_KINDS, type PaletteKind } from '@/lib/domain/design/edit/edit-design';
import { useCanvas, useCanvasStoreApi } from './canvas-context';

export const PALETTE_MIME = 'application/x-kea-palette';

const LABEL: Record<PaletteKind, { title: string; tone: string }> = {
  service: { title: 'Service', tone: 'border-sky-300 bg-white dark:bg-slate-900' },
  topic: { title: 'Topic', tone: 'border-emerald-300 bg-emerald-50 dark:bg-emerald-950/60' },
  'retry-topic': { title: 'Retry topic', tone: 'border-amber-300 bg-amber-50 dark:bg-amber-950/60' },
  dlq: { title: 'Dead-letter topic', tone: 'border-red-300 bg-red-50 dark:bg-red-950/60' },
  schema: { title: 'Schema', tone: 'border-violet-300 bg-violet-50 dark:bg-violet-950/60' },
  connector: { title: 'Connector', tone: 'border-slate-400 bg-slate-100 dark:bg-slate-800' },
  note: { title: 'Note', tone: 'border-yellow-300 bg-yellow-50 dark:bg-yellow-950/50' },
};

/** Drag onto the canvas, or click (or press Enter) to drop in the middle of the view. */
export function Palette() {
  const add = useCanvas((s) => s.add);
  const store = useCanvasStoreApi();
  const { screenToFlowPosition } = useReactFlow();
  const addAtCentre = (kind: PaletteKind) => {
    const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
    const centre = pane ? { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 } : { x: 400, y: 300 };
    // Successive clicks fan out instead of stacking exactly on top of each other.
    const jitter = (store.getState().nodes.length % 6) * 24 - 60;
    const p = screenToFlowPosition(centre);
    add(kind, { x: p.x - 100 + jitter, y: p.y - 36 + jitter });
  };
  return (
    <nav aria-label="Palette" className="flex flex-col gap-1.5">
      <p className="text-[10px] font-semibold tracking-wide text-slate-500 uppercase">Palette</p>
      {PALETTE_KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          draggable
          onDragStart={(e) => {
            e.dataTransfer.setData(PALETTE_MIME, kind);
            e.dataTransfer.effectAllowed = 'move';
          }}
          onClick={() => addAtCentre(kind)}
          className={`cursor-grab rounded-md border-2 px-2 py-1.5 text-left text-xs font-medium active:cursor-grabbing ${LABEL[kind].tone}`}
        >
          {LABEL[kind].title}
        </button>
      ))}
    </nav>
  );
}
