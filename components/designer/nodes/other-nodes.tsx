'use client';
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ConnectorFlowNode, NoteFlowNode, SchemaFlowNode } from '../canvas/canvas-types';
import { NodeFrame } from './node-frame';

const FORMAT_LABEL = { AVRO: 'Avro', JSON: 'JSON Schema', PROTOBUF: 'Protobuf' } as const;

export const SchemaNode = memo(function SchemaNode({ id, data, selected }: NodeProps<SchemaFlowNode>) {
  return (
    <NodeFrame id={id} tone="schema" kind="schema" title={data.label} selected={selected} width={200}>
      {FORMAT_LABEL[data.format]}
      {data.compatibility ? ` · ${data.compatibility}` : ''}
    </NodeFrame>
  );
});

export const ConnectorNode = memo(function ConnectorNode({ id, data, selected }: NodeProps<ConnectorFlowNode>) {
  const shortClass = data.connectorClass.split('.').at(-1) ?? data.connectorClass;
  return (
    <NodeFrame id={id} tone="connector" kind={`${data.direction} connector`} title={data.label} selected={selected} width={200}>
      <span title={data.connectorClass}>{shortClass}</span>
    </NodeFrame>
  );
});

export const NoteNode = memo(function NoteNode({ id, data, selected }: NodeProps<NoteFlowNode>) {
  return (
    <NodeFrame id={id} tone="note" kind="note" title="" selected={selected} width={200}>
      <p className="line-clamp-4 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{data.label}</p>
    </NodeFrame>
  );
});
