'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ServiceFlowNode } from '../canvas/canvas-types';
import { useCanvas } from '../canvas/canvas-context';
import { NodeFrame } from './node-frame';

/** With the live overlay on: the largest lag and the state of the groups this service consumes with. */
function useConsumerLive(serviceId: string): string | null {
  return useCanvas((s) => {
    if (!s.live) return null;
    const parts = s.document.edges
      .filter((e) => e.kind === 'consumes' && e.serviceId === serviceId)
      .map((e) => s.live!.groups[e.id])
      .filter((g): g is NonNullable<typeof g> => g !== undefined);
    if (!parts.length) return null;
    const lag = parts.reduce((sum, g) => sum + (g.lag ?? 0), 0);
    const states = [...new Set(parts.map((g) => g.state))].join('/');
    return `lag ${lag.toLocaleString('en-US')} · ${states}`;
  });
}

export const ServiceNode = memo(function ServiceNode({ id, data, selected }: NodeProps<ServiceFlowNode>) {
  const live = useConsumerLive(id);
  return (
    <NodeFrame id={id} tone="service" kind={`service · ${data.role}`} title={data.label} selected={selected} width={200}>
      {[data.language, data.owner].filter(Boolean).join(' · ') || '\u00a0'}
      {live && (
        <div data-testid="consumer-live" className="mt-1 rounded bg-sky-100 px-1.5 py-0.5 font-medium text-sky-900 dark:bg-sky-900 dark:text-sky-100">
          {live}
        </div>
      )}
    </NodeFrame>
  );
});
