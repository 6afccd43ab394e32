'use client';
import '@xyflow/react/dist/style.css';
import './canvas-layers.css';
import { useCallback, useEffect, useState } from 'react';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore, type Connection, type OnNodeDrag } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import type { PaletteKind } from '@/lib/domain/design/edit/edit-design';
import { nodeTypes } from '../nodes/node-types';
import { edgeTypes } from '../edges/flow-edges';
import type { AppEdge, AppNode } from './canvas-types';
import { useCanvas } from './canvas-context';
import { PALETTE_MIME } from './palette';
import { useOpeningViewport } from './use-opening-viewport';

const MINIMAP_COLOURS: Record<string, string> = {
  service: '#0ea5e9',
  topic: '#10b981',
  'retry-topic': '#f59e0b',
  dlq: '#ef4444',
  schema: '#8b5cf6',
  connector: '#64748b',
  note: '#eab308',
};

const minimapNodeColour = (n: AppNode) => MINIMAP_COLOURS[n.type ?? ''] ?? '#94a3b8';

/** "Fit view" fits every node, including those a large design has not rendered (and so not measured) yet. */
const FIT_ALL = { includeHiddenNodes: true, padding: 0.05 };

/** Created once: as children of <ReactFlow> they would otherwise re-render on every frame of a drag (the canvas re-renders with the nodes). */
const CANVAS_CHROME = (
  <>
    <Background gap={20} size={1} />
    <MiniMap pannable zoomable nodeColor={minimapNodeColour} ariaLabel="Minimap" />
    <Controls position="bottom-left" fitViewOptions={FIT_ALL} />
  </>
);

const DEFAULT_EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 } };
const DEFAULT_VIEWPORT = { x: 0, y: 0, zoom: 1 };
const DELETE_KEYS = ['Delete', 'Backspace'];

/** Large designs draw only what is on screen; small ones draw everything so panning never pops. */
const VIRTUALISE_FROM = 200;
/** Below this zoom titles are unreadable anyway: nodes are drawn as plain boxes (canvas-layers.css). */
const FAR_ZOOM = 0.4;

export function DesignCanvas() {
  const { nodes, edges, onNodesChange, onEdgesChange } = useCanvas(useShallow((s) => ({ nodes: s.nodes, edges: s.edges, onNodesChange: s.onNodesChange, onEdgesChange: s.onEdgesChange })));
  const connect = useCanvas((s) => s.connect);
  const add = useCanvas((s) => s.add);
  const remove = useCanvas((s) => s.remove);
  const commitPositions = useCanvas((s) => s.commitPositions);
  const openSchemaEditor = useCanvas((s) => s.openSchemaEditor);
  const focus = useCanvas((s) => s.focus);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [hasNodesOnOpen] = useState(() => nodes.length > 0);
  useOpeningViewport(hasNodesOnOpen);
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);

  useEffect(() => {
    if (focus) void fitView({ nodes: [{ id: focus.id }], duration: 300, maxZoom: 1.2, padding: 0.6 });
  }, [focus, fitView]);

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target), [connect]);
  const onDragOver = useCallback((e: React.DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
  }, []);
  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as PaletteKind;
      if (!kind) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      add(kind, { x: p.x - 100, y: p.y - 36 });
    },
    [add, screenToFlowPosition],
  );
  const onNodeDragStop: OnNodeDrag<AppNode> = useCallback((_, __, dragged) => commitPositions(Object.fromEntries(dragged.map((n) => [n.id, n.position]))), [commitPositions]);
  const onDelete = useCallback(({ nodes: n, edges: e }: { nodes: AppNode[]; edges: { id: string }[] }) => remove([...n.map((x) => x.id), ...e.map((x) => x.id)]), [remove]);
  const onNodeDoubleClick = useCallback((_: React.MouseEvent, node: AppNode) => node.type === 'schema' && openSchemaEditor(node.id), [openSchemaEditor]);

  return (
    <ReactFlow<AppNode, AppEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onNodeDragStop={onNodeDragStop}
      onDelete={onDelete}
      onNodeDoubleClick={onNodeDoubleClick}
      deleteKeyCode={DELETE_KEYS}
      defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
      onlyRenderVisibleElements={nodes.length >= VIRTUALISE_FROM}
      minZoom={0.05}
      maxZoom={2}
      defaultViewport={DEFAULT_VIEWPORT}
      className={far ? 'kea-canvas-far' : undefined}
      aria-label="Design canvas"
    >
      {CANVAS_CHROME}
    </ReactFlow>
  );
}
