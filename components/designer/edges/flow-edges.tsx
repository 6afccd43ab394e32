'use client';
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps } from '@xyflow/react';
import type { EdgeTypes } from '@xyflow/react';
import type { AppEdge } from '../canvas/canvas-types';
import { useCanvas } from '../canvas/canvas-context';

type EdgeKind = NonNullable<AppEdge['type']>;

const STYLE: Record<EdgeKind, { stroke: string; dash?: string; width: number }> = {
  produces: { stroke: '#0284c7', width: 2 },
  consumes: { stroke: '#059669', width: 2 },
  retry: { stroke: '#d97706', dash: '6 4', width: 1.5 },
  'dead-letter': { stroke: '#dc2626', dash: '6 4', width: 1.5 },
  // A retry/dlq topic's source, where no consumer's retry chain draws the route: shorter dashes.
  'retries-to': { stroke: '#d97706', dash: '3 3', width: 1.5 },
  'dead-letters-to': { stroke: '#dc2626', dash: '3 3', width: 1.5 },
  schema: { stroke: '#7c3aed', dash: '2 4', width: 1.2 },
  connector: { stroke: '#64748b', width: 1.5 },
  note: { stroke: '#ca8a04', dash: '2 3', width: 1 },
};

/** Live numbers drawn on an edge: the topic's write rate on produce edges, the group's lag on consume edges. */
function useEdgeLive(kind: EdgeKind, id: string, target: string): string | null {
  return useCanvas((s) => {
    if (!s.live) return null;
    if (kind === 'produces') {
      const rate = s.live.topicRates[target];
      return rate === undefined ? null : `${rate.toFixed(rate < 10 ? 1 : 0)} msg/s`;
    }
    if (kind === 'consumes') {
      const g = s.live.groups[id];
      return g ? `lag ${g.lag === null ? '?' : g.lag.toLocaleString('en-US')}` : null;
    }
    return null;
  });
}

function makeEdge(kind: EdgeKind) {
  const style = STYLE[kind];
  const Component = memo(function FlowEdge({ id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, label, selected, markerEnd }: EdgeProps<AppEdge>) {
    const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
    const live = useEdgeLive(kind, id, target);
    // An edge whose end is being dragged is repainted every frame: canvas-layers.css gives it a layer of its own.
    const moving = useStore((s) => s.nodeLookup.get(source)?.dragging === true || s.nodeLookup.get(target)?.dragging === true);
    const text = [label, live].filter(Boolean).join(' · ');
    return (
      <>
        <BaseEdge
          id={id}
          path={path}
          markerEnd={markerEnd}
          className={moving ? 'kea-edge-moving' : undefined}
          style={{ stroke: style.stroke, strokeWidth: selected ? style.width + 1.5 : style.width, strokeDasharray: style.dash }}
          interactionWidth={14}
        />
        {text && (
          <EdgeLabelRenderer>
            <div
              data-edge-label={kind}
              data-source={source}
              className={`nodrag nopan pointer-events-none absolute rounded px-1.5 py-0.5 text-[10px] font-medium shadow-sm ${live ? 'bg-sky-600 text-white' : 'bg-white/90 text-slate-700 dark:bg-slate-900/90 dark:text-slate-300'}`}
              style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            >
              {text}
            </div>
          </EdgeLabelRenderer>
        )}
      </>
    );
  });
  return Component;
}

/** One memoised component per edge type, created once at module scope. */
export const edgeTypes = {
  produces: makeEdge('produces'),
  consumes: makeEdge('consumes'),
  retry: makeEdge('retry'),
  'dead-letter': makeEdge('dead-letter'),
  'retries-to': makeEdge('retries-to'),
  'dead-letters-to': makeEdge('dead-letters-to'),
  schema: makeEdge('schema'),
  connector: makeEdge('connector'),
  note: makeEdge('note'),
} satisfies EdgeTypes;
