import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import { buildDesignGraph, type XYPosition } from '@/lib/domain/design/graph';
import type { DesignDocument } from '@/lib/domain/design/model';
import { layoutPositions } from '@/lib/domain/design/edit/auto-layout';
import {
  addElement,
  connectElements,
  copyElements,
  pasteFragment,
  removeElements,
  setPositions,
  updateElement,
  type DesignFragment,
  type ElementValue,
  type PaletteKind,
} from '@/lib/domain/design/edit/edit-design';
import { computeFindings, findingsByElement } from './findings';
import { toFlowEdge, toFlowNode, type AppEdge, type AppNode, type CanvasFinding, type ElementFindings, type LiveOverlayState } from './canvas-types';

const HISTORY_LIMIT = 100;

export type SidePanel = 'inspector' | 'problems' | 'plan' | 'history' | 'export' | 'settings';

export interface CanvasState {
  designId: string;
  /** The stored revision this tab's edits are based on. */
  revision: number;
  document: DesignDocument;
  /** The document as last saved or loaded; `dirty` compares with it by reference. */
  savedDocument: DesignDocument;
  past: DesignDocument[];
  future: DesignDocument[];
  nodes: AppNode[];
  edges: AppEdge[];
  clipboard: DesignFragment | null;
  findings: CanvasFinding[];
  findingsByElement: Record<string, ElementFindings>;
  notice: { tone: 'info' | 'error'; text: string } | null;
  /** Bumped to ask the canvas to bring a node into view. */
  focus: { id: string; nonce: number } | null;
  panel: SidePanel;
  schemaEditorFor: string | null;
  liveEnabled: boolean;
  live: LiveOverlayState | null;
}

export interface CanvasActions {
  onNodesChange(changes: NodeChange<AppNode>[]): void;
  onEdgesChange(changes: EdgeChange<AppEdge>[]): void;
  /** Commits positions after a drag, as one undo step. */
  commitPositions(positions: Record<string, XYPosition>): void;
  connect(source: string, target: string): void;
  add(kind: PaletteKind, position: XYPosition): string;
  update(element: ElementValue): void;
  /** Any other edit of the document (environments, settings): one undo step like the rest. */
  editDocument(change: (document: DesignDocument) => DesignDocument): void;
  remove(ids: readonly string[]): void;
  removeSelected(): void;
  copySelected(): void;
  paste(): void;
  undo(): void;
  redo(): void;
  autoLayout(): void;
  select(ids: readonly string[]): void;
  focusElement(id: string): void;
  markSaved(revision: number, document: DesignDocument): void;
  replaceDocument(document: DesignDocument, revision: number): void;
  setNotice(notice: CanvasState['notice']): void;
  setPanel(panel: SidePanel): void;
  openSchemaEditor(id: string | null): void;
  setLiveEnabled(on: boolean): void;
  setLive(live: LiveOverlayState | null): void;
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;

/**
 * Nodes and edges are derived from the document, reusing the previous objects where nothing
 * changed, so React Flow re-renders only the nodes an edit touched (its node wrappers are memoised
 * on the node object). Selection lives on the nodes, as React Flow keeps it.
 */
function deriveGraph(document: DesignDocument, prevNodes: readonly AppNode[], prevEdges: readonly AppEdge[], select?: ReadonlySet<string>) {
  const graph = buildDesignGraph(document);
  const oldNodes = new Map(prevNodes.map((n) => [n.id, n]));
  const nodes = graph.nodes.map((g) => {
    const fresh = toFlowNode(g);
    const old = oldNodes.get(g.id);
    const selected = select ? select.has(g.id) : (old?.selected ?? false);
    if (old && old.type === fresh.type && old.position.x === fresh.position.x && old.position.y === fresh.position.y && shallowEqual(old.data, fresh.data) && (old.selected ?? false) === selected) return old;
    return { ...fresh, selected, ...(old?.measured ? { measured: old.measured } : {}) } as AppNode;
  });
  const oldEdges = new Map(prevEdges.map((e) => [e.id, e]));
  const edges = graph.edges.map((g) => {
    const fresh = toFlowEdge(g);
    const old = oldEdges.get(g.id);
    const selected = select ? select.has(g.id) : (old?.selected ?? false);
    if (old && old.source === fresh.source && old.target === fresh.target && old.label === fresh.label && old.type === fresh.type && shallowEqual(old.data ?? {}, fresh.data ?? {}) && (old.selected ?? false) === selected) return old;
    return { ...fresh, selected };
  });
  return { nodes, edges, unplaced: graph.unplaced };
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.is(a[k], b[k]));
}

export function createCanvasStore(initial: { designId: string; revision: number; document: DesignDocument }) {
  let lintTimer: ReturnType<typeof setTimeout> | undefined;

  let document = initial.document;
  const first = deriveGraph(document, [], []);
  // A design without a layout (a template, an import) gets one; the user sees it placed, not piled in a grid.
  if (first.unplaced.length > 0) {
    const positions = layoutPositions(first);
    const unplaced = new Set(first.unplaced);
    document = setPositions(document, Object.fromEntries(Object.entries(positions).filter(([id]) => unplaced.has(id) || first.unplaced.length === first.nodes.length)));
  }
  const graph = first.unplaced.length > 0 ? deriveGraph(document, [], []) : first;
  const findings = computeFindings(document);

  return createStore<CanvasState & CanvasActions>()((set, get) => {
    const relint = () => {
      clearTimeout(lintTimer);
      // Lint runs over the whole design: wait for a pause in typing rather than running per keystroke.
      lintTimer = setTimeout(() => {
        const f = computeFindings(get().document);
        set({ findings: f, findingsByElement: findingsByElement(f) });
      }, 150);
    };

    /** Every edit goes through here: one undo step, derived graph, lint (unless only the layout moved: lint never reads it). */
    const commit = (next: DesignDocument, select?: readonly string[], options: { layoutOnly?: boolean } = {}) => {
      const s = get();
      if (next === s.document) return;
      const derived = deriveGraph(next, s.nodes, s.edges, select ? new Set(select) : undefined);
      set({ document: next, past: [...s.past.slice(-HISTORY_LIMIT + 1), s.document], future: [], nodes: derived.nodes, edges: derived.edges });
      if (!options.layoutOnly) relint();
    };

    const selectedIds = () => [...get().nodes.filter((n) => n.selected).map((n) => n.id), ...get().edges.filter((e) => e.selected).map((e) => e.id)];

    return {
      designId: initial.designId,
      revision: initial.revision,
      document,
      // A layout computed on open is a change worth saving, so it does not count as saved.
      savedDocument: initial.document,
      past: [],
      future: [],
      nodes: graph.nodes,
      edges: graph.edges,
      clipboard: null,
      findings,
      findingsByElement: findingsByElement(findings),
      notice: null,
      focus: null,
      panel: 'inspector',
      schemaEditorFor: null,
      liveEnabled: false,
      live: null,

      onNodesChange: (changes) => {
        // Removals go through `remove` (document first); React Flow's own remove changes are ignored.
        const kept = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
        if (kept.length) set({ nodes: applyNodeChanges(kept, get().nodes) });
      },
      onEdgesChange: (changes) => {
        const kept = changes.filter((c) => c.type === 'select');
        if (kept.length) set({ edges: applyEdgeChanges(kept, get().edges) });
      },
      commitPositions: (positions) => commit(setPositions(get().document, positions), undefined, { layoutOnly: true }),
      connect: (source, target) => {
        const r = connectElements(get().document, source, target);
        if (!r.ok) return set({ notice: { tone: 'error', text: r.message } });
        commit(r.design, [r.edgeId]);
        set({ notice: null, panel: 'inspector' });
      },
      add: (kind, position) => {
        const { design, id } = addElement(get().document, kind, position);
        commit(design, [id]);
        set({ panel: 'inspector' });
        return id;
      },
      update: (element) => commit(updateElement(get().document, element)),
      editDocument: (change) => commit(change(get().document)),
      remove: (ids) => {
        if (ids.length) commit(removeElements(get().document, ids), []);
      },
      removeSelected: () => get().remove(selectedIds()),
      copySelected: () => {
        const ids = selectedIds();
        if (!ids.length) return;
        const fragment = copyElements(get().document, ids);
        set({ clipboard: fragment, notice: { tone: 'info', text: `Copied ${ids.filter((id) => !id.includes(':')).length} element(s).` } });
      },
      paste: () => {
        const fragment = get().clipboard;
        if (!fragment) return;
        const { design, ids } = pasteFragment(get().document, fragment);
        commit(design, ids);
        // The next paste lands a step further, not on top of this one.
        set({ clipboard: { ...fragment, positions: Object.fromEntries(Object.entries(fragment.positions).map(([id, p]) => [id, { x: p.x + 40, y: p.y + 40 }])) } });
      },
      undo: () => {
        const s = get();
        const previous = s.past.at(-1);
        if (!previous) return;
        const derived = deriveGraph(previous, s.nodes, s.edges);
        set({ document: previous, past: s.past.slice(0, -1), future: [s.document, ...s.future], nodes: derived.nodes, edges: derived.edges });
        relint();
      },
      redo: () => {
        const s = get();
        const next = s.future[0];
        if (!next) return;
        const derived = deriveGraph(next, s.nodes, s.edges);
        set({ document: next, past: [...s.past, s.document], future: s.future.slice(1), nodes: derived.nodes, edges: derived.edges });
        relint();
      },
      autoLayout: () => {
        const s = get();
        commit(setPositions(s.document, layoutPositions({ nodes: s.nodes, edges: s.edges })), undefined, { layoutOnly: true });
      },
      select: (ids) => {
        const s = get();
        const chosen = new Set(ids);
        set({
          nodes: s.nodes.map((n) => ((n.selected ?? false) === chosen.has(n.id) ? n : { ...n, selected: chosen.has(n.id) })),
          edges: s.edges.map((e) => ((e.selected ?? false) === chosen.has(e.id) ? e : { ...e, selected: chosen.has(e.id) })),
        });
      },
      focusElement: (id) => {
        const s = get();
        // Design edges are drawn between nodes: focus the edge's service end.
        const edge = s.document.edges.find((e) => e.id === id);
        const nodeId = s.nodes.some((n) => n.id === id) ? id : edge ? edge.serviceId : null;
        if (!nodeId) return;
        get().select(edge ? [id] : [nodeId]);
        set({ focus: { id: nodeId, nonce: (s.focus?.nonce ?? 0) + 1 }, panel: 'inspector' });
      },
      markSaved: (revision, saved) => set({ revision, savedDocument: saved }),
      replaceDocument: (next, revision) => {
        const s = get();
        const derived = deriveGraph(next, s.nodes, s.edges);
        set({ document: next, savedDocument: next, revision, past: [], future: [], nodes: derived.nodes, edges: derived.edges });
        relint();
      },
      setNotice: (notice) => set({ notice }),
      setPanel: (panel) => set({ panel }),
      openSchemaEditor: (id) => set({ schemaEditorFor: id }),
      setLiveEnabled: (on) => set({ liveEnabled: on, ...(on ? {} : { live: null }) }),
      setLive: (live) => set({ live }),
    };
  });
}
