'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { DlqFlowNode, RetryTopicFlowNode, TopicFlowNode } from '../canvas/canvas-types';
import { useCanvas } from '../canvas/canvas-context';
import { NodeFrame } from './node-frame';

function TopicDetails({ id, data }: { id: string; data: TopicFlowNode['data'] }) {
  const rate = useCanvas((s) => (s.live ? (s.live.topicRates[id] ?? null) : null));
  return (
    <>
      <span className="tabular-nums">
        {data.partitions} partition{data.partitions === 1 ? '' : 's'} · RF {data.replicationFactor}
      </span>
      {(data.keyMeaning || data.compacted) && (
        <span className="ml-1">
          {data.keyMeaning && <span title={data.keyMeaning}>· keyed</span>}
          {data.compacted && <span> · compacted</span>}
        </span>
      )}
      {data.retryDelayMs !== null && <div>retry after {formatMs(data.retryDelayMs)}</div>}
      {rate !== null && (
        <div data-testid="topic-rate" className="mt-1 font-medium text-emerald-800 dark:text-emerald-300">
          {rate.toFixed(rate < 10 ? 1 : 0)} msg/s
        </div>
      )}
    </>
  );
}

function formatMs(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000 && ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

export const TopicNode = memo(function TopicNode({ id, data, selected }: NodeProps<TopicFlowNode>) {
  return (
    <NodeFrame id={id} tone="topic" kind="topic" title={data.label} selected={selected}>
      <TopicDetails id={id} data={data} />
    </NodeFrame>
  );
});

export const RetryTopicNode = memo(function RetryTopicNode({ id, data, selected }: NodeProps<RetryTopicFlowNode>) {
  return (
    <NodeFrame id={id} tone="retry" kind="retry topic" title={data.label} selected={selected}>
      <TopicDetails id={id} data={data} />
    </NodeFrame>
  );
});

export const DlqNode = memo(function DlqNode({ id, data, selected }: NodeProps<DlqFlowNode>) {
  return (
    <NodeFrame id={id} tone="dlq" kind="dead-letter topic" title={data.label} selected={selected}>
      <TopicDetails id={id} data={data} />
    </NodeFrame>
  );
});
