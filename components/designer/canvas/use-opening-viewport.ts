'use client';
import { useLayoutEffect, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import { initialViewport } from '@/lib/domain/design/initial-viewport';
import type { AppEdge, AppNode } from './canvas-types';

/**
 * Sets the view once, when the canvas first has a size: the whole design if it fits at a readable
 * zoom, otherwise its first columns at that zoom (initial-viewport.ts). Node sizes are the measured
 * ones where React Flow has them and the drawn sizes otherwise (large designs measure only what is
 * on screen). An empty design keeps the default 100 %.
 */
export function useOpeningViewport(enabled: boolean) {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { getNodes, setViewport } = useReactFlow<AppNode, AppEdge>();
  const done = useRef(!enabled);

  // A layout effect, so the first frame the user sees is already the chosen view.
  useLayoutEffect(() => {
    if (done.current || !width || !height) return;
    done.current = true;
    const boxes = getNodes().map((n) => ({
      x: n.position.x,
      y: n.position.y,
      width: n.measured?.width ?? n.initialWidth ?? 200,
      height: n.measured?.height ?? n.initialHeight ?? 72,
    }));
    void setViewport(initialViewport(boxes, { width, height }));
  }, [width, height, getNodes, setViewport]);
}
