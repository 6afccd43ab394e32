import type { Edge, Node } from '@xyflow/react';
import type {
  ConnectorNodeData,
  DesignGraphEdge,
  DesignNode,
  NoteNodeData,
  SchemaNodeData,
  ServiceNodeData,
  TopicNodeData,
} from '@/lib/domain/design/graph';
import { NODE_SIZE } from '@/lib/domain/design/edit/auto-layout';

/** React Flow wants data as Record<string, unknown>; the graph builder's interfaces are plain JSON objects, so this only widens the type. */
type Data<T> = T & Record<string, unknown>;

export type ServiceFlowNode = Node<Data<ServiceNodeData>, 'service'>;
export type TopicFlowNode = Node<Data<TopicNodeData>, 'topic'>;
export type RetryTopicFlowNode = Node<Data<TopicNodeData>, 'retry-topic'>;
export type DlqFlowNode = Node<Data<TopicNodeData>, 'dlq'>;
export type SchemaFlowNode = Node<Data<SchemaNodeData>, 'schema'>;
export type ConnectorFlowNode = Node<Data<ConnectorNodeData>, 'connector'>;
export type NoteFlowNode = Node<Data<NoteNodeData>, 'note'>;

/** The canvas's node union, keyed on `type` (xyflow's AppNode pattern). */
export type AppNode = ServiceFlowNode | TopicFlowNode | RetryTopicFlowNode | DlqFlowNode | SchemaFlowNode | ConnectorFlowNode | NoteFlowNode;

export type AppEdge = Edge<Data<DesignGraphEdge['data']>, DesignGraphEdge['type']>;

/**
 * The size a node is drawn at, before React Flow has measured it. Large designs render only the
 * nodes on screen, so most are never measured; without a size React Flow leaves them out of "fit
 * view" and cannot tell when they scroll into view.
 */
export function toFlowNode(node: DesignNode): AppNode {
  const size = NODE_SIZE[node.type] ?? NODE_SIZE.service!;
  return { ...node, initialWidth: size.width, initialHeight: size.height } as unknown as AppNode;
}

export function toFlowEdge(edge: DesignGraphEdge): AppEdge {
  return { id: edge.id, type: edge.type, source: edge.source, target: edge.target, label: edge.label ?? undefined, data: edge.data as AppEdge['data'] };
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** Lint findings and format problems in one list for the problems panel and the node badges. */
export interface CanvasFinding {
  key: string;
  severity: FindingSeverity;
  message: string;
  fix: string | null;
  elementId: string | null;
  /** The lint rule id, or "design-format" for problems of the document itself. */
  ruleId: string;
  environment: string | null;
}

export interface ElementFindings {
  errors: number;
  warnings: number;
  first: string;
}

/** What the live overlay shows (from the SSE stream of /api/designs/{id}/live). */
export interface LiveOverlayState {
  connected: boolean;
  error: string | null;
  /** Records per second written to each topic id. */
  topicRates: Record<string, number>;
  /** Per consumes-edge id: the group's lag and state. */
  groups: Record<string, { lag: number | null; state: string; members: number }>;
  /** Element ids in the design but not in the cluster. */
  missing: string[];
  /** Topics in the cluster that no design element describes. */
  extra: string[];
  sampledAt: number | null;
}
