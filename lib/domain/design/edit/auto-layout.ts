import { Graph, layout } from '@dagrejs/dagre';
import type { XYPosition } from '../graph';

/** Node sizes the canvas draws (components/designer/nodes); the layout needs them to avoid overlaps. */
export const NODE_SIZE: Readonly<Record<string, { width: number; height: number }>> = {
  service: { width: 200, height: 72 },
  topic: { width: 220, height: 80 },
  'retry-topic': { width: 220, height: 80 },
  dlq: { width: 220, height: 80 },
  schema: { width: 200, height: 64 },
  connector: { width: 200, height: 64 },
  note: { width: 200, height: 72 },
};

export interface LayoutInput {
  nodes: readonly { id: string; type: string }[];
  edges: readonly { source: string; target: string }[];
}

/**
 * A left-to-right layered layout (dagre's Sugiyama implementation): producers, then topics, then
 * consumers, with few crossings. Returns the top-left corner of each node, as React Flow places
 * nodes. `only` restricts which nodes move (new ones after an import); the rest keep their place
 * but still shape the layout.
 */
export function layoutPositions(input: LayoutInput): Record<string, XYPosition> {
  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 110, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set<string>();
  for (const n of input.nodes) {
    const size = NODE_SIZE[n.type] ?? NODE_SIZE.service!;
    g.setNode(n.id, { width: size.width, height: size.height });
    ids.add(n.id);
  }
  for (const e of input.edges) if (ids.has(e.source) && ids.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target);
  layout(g);
  const out: Record<string, XYPosition> = {};
  for (const n of input.nodes) {
    const placed = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined;
    if (placed) out[n.id] = { x: Math.round(placed.x - placed.width / 2), y: Math.round(placed.y - placed.height / 2) };
  }
  return out;
}
