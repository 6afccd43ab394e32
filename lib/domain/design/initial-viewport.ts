/**
 * Where the canvas opens: the whole design when it fits at a zoom people can read; otherwise the
 * readable zoom, anchored at the design's left edge (where data enters in the left-to-right layout)
 * and centred on the nodes of that first screenful, so a wide design opens on its first columns
 * instead of as a strip of unreadable boxes. The minimap and panning show the rest.
 */
export interface NodeBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface ViewportOptions {
  /** Below this zoom a node's title (14 px) is too small to read. */
  readableZoom: number;
  /** Small designs are not blown up past this. */
  maxZoom: number;
  /** Screen pixels kept free around the design. */
  padding: number;
}

export const DEFAULT_VIEWPORT_OPTIONS: ViewportOptions = { readableZoom: 0.6, maxZoom: 1, padding: 32 };

export function initialViewport(nodes: readonly NodeBox[], screen: { width: number; height: number }, options: ViewportOptions = DEFAULT_VIEWPORT_OPTIONS): Viewport {
  if (nodes.length === 0 || screen.width <= 0 || screen.height <= 0) return { x: 0, y: 0, zoom: 1 };
  const { readableZoom, maxZoom, padding } = options;
  const all = bounds(nodes);
  const roomW = Math.max(1, screen.width - 2 * padding);
  const roomH = Math.max(1, screen.height - 2 * padding);
  const fitZoom = Math.min(roomW / all.width, roomH / all.height, maxZoom);
  if (fitZoom >= readableZoom) return centreOn(all, fitZoom, screen);

  const zoom = readableZoom;
  const visibleW = roomW / zoom;
  const visibleH = roomH / zoom;
  // The first screenful from the left: nodes wholly inside it, or the leftmost node when none fits.
  const right = all.x + visibleW;
  const inView = nodes.filter((n) => n.x + n.width <= right);
  const first = bounds(inView.length ? inView : [nodes.reduce((a, b) => (b.x < a.x ? b : a))]);
  // Centre those vertically when they fit; otherwise start at their top.
  const centreY = first.height <= visibleH ? first.y + first.height / 2 : first.y + visibleH / 2;
  return { x: padding - all.x * zoom, y: screen.height / 2 - centreY * zoom, zoom };
}

function bounds(nodes: readonly NodeBox[]): NodeBox {
  const x = Math.min(...nodes.map((n) => n.x));
  const y = Math.min(...nodes.map((n) => n.y));
  const width = Math.max(...nodes.map((n) => n.x + n.width)) - x;
  const height = Math.max(...nodes.map((n) => n.y + n.height)) - y;
  return { x, y, width: Math.max(width, 1), height: Math.max(height, 1) };
}

function centreOn(box: NodeBox, zoom: number, screen: { width: number; height: number }): Viewport {
  return { x: screen.width / 2 - (box.x + box.width / 2) * zoom, y: screen.height / 2 - (box.y + box.height / 2) * zoom, zoom };
}
