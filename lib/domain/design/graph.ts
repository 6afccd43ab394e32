import { resolveEnvironment } from './environment';
import { isCompacted, type DesignDocument, type SchemaFormat, type CompatibilityLevel, type Service, type Topic } from './model';

/**
 * The design as `{nodes, edges}` for the canvas (React Flow shapes, no React here). Node ids are the
 * element ids, so a lint finding's elementId focuses its node and layout positions key on the same
 * ids; derived edges get ids with ":" (which element ids never contain), so they cannot collide.
 * Everything in `data` is plain JSON: no callbacks, no class instances.
 */
export interface XYPosition {
  x: number;
  y: number;
}

interface GraphNode<T extends string, D> {
  id: string;
  type: T;
  position: XYPosition;
  data: D;
}

export interface ServiceNodeData {
  label: string;
  role: Service['role'];
  language: string | null;
  owner: string | null;
}

export interface TopicNodeData {
  label: string;
  partitions: number;
  replicationFactor: number;
  keyMeaning: string | null;
  compacted: boolean;
  /** For retry and dlq topics: the topic whose records they hold. */
  sourceTopicId: string | null;
  retryDelayMs: number | null;
}

export interface SchemaNodeData {
  label: string;
  format: SchemaFormat;
  compatibility: CompatibilityLevel | null;
}

export interface ConnectorNodeData {
  label: string;
  direction: 'source' | 'sink';
  connectorClass: string;
}

export interface NoteNodeData {
  label: string;
}

export type ServiceNode = GraphNode<'service', ServiceNodeData>;
export type TopicNode = GraphNode<'topic', TopicNodeData>;
export type RetryTopicNode = GraphNode<'retry-topic', TopicNodeData>;
export type DlqNode = GraphNode<'dlq', TopicNodeData>;
export type SchemaNode = GraphNode<'schema', SchemaNodeData>;
export type ConnectorNode = GraphNode<'connector', ConnectorNodeData>;
export type NoteNode = GraphNode<'note', NoteNodeData>;
export type DesignNode = ServiceNode | TopicNode | RetryTopicNode | DlqNode | SchemaNode | ConnectorNode | NoteNode;
export type DesignNodeType = DesignNode['type'];

interface GraphEdge<T extends string, D> {
  id: string;
  type: T;
  source: string;
  target: string;
  label: string | null;
  data: D;
}

export type ProducesGraphEdge = GraphEdge<'produces', { delivery: string; acks: string; idempotence: boolean; transactional: boolean }>;
export type ConsumesGraphEdge = GraphEdge<'consumes', { consumerGroup: string; delivery: string; parallelism: number; retries: boolean }>;
/** One hop of a consumer's retry chain: source topic → retry topic → … */
export type RetryGraphEdge = GraphEdge<'retry', { consumesEdgeId: string; attempt: number; delayMs: number | null }>;
export type DeadLetterGraphEdge = GraphEdge<'dead-letter', { consumesEdgeId: string; maxAttempts: number }>;
/**
 * A retry or dead-letter topic's `sourceTopicId`: the topic whose records it holds. Drawn when no
 * consumer's retry chain already leads from that source to it (the chain says more: attempt, delay).
 */
export type RetriesToGraphEdge = GraphEdge<'retries-to', { holderTopicId: string }>;
export type DeadLettersToGraphEdge = GraphEdge<'dead-letters-to', { holderTopicId: string }>;
export type SchemaGraphEdge = GraphEdge<'schema', { role: 'key' | 'value' }>;
export type ConnectorGraphEdge = GraphEdge<'connector', { direction: 'source' | 'sink' }>;
export type NoteGraphEdge = GraphEdge<'note', Record<string, never>>;
export type DesignGraphEdge = ProducesGraphEdge | ConsumesGraphEdge | RetryGraphEdge | DeadLetterGraphEdge | RetriesToGraphEdge | DeadLettersToGraphEdge | SchemaGraphEdge | ConnectorGraphEdge | NoteGraphEdge;

export interface DesignGraph {
  nodes: DesignNode[];
  edges: DesignGraphEdge[];
  /** Nodes placed by the fallback grid because the layout has no position for them; the canvas may auto-layout these. */
  unplaced: string[];
}

/** Fallback grid: data flows left to right (sources, producers, topics, retries, consumers, sinks). */
const COLUMN_WIDTH = 280;
const ROW_HEIGHT = 140;

export function buildDesignGraph(design: DesignDocument, options: { environment?: string | null } = {}): DesignGraph {
  const { design: d } = resolveEnvironment(design, options.environment);
  const nodes: DesignNode[] = [];
  const rows = new Map<number, number>();
  const unplaced: string[] = [];
  const place = (id: string, column: number): XYPosition => {
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    const stored = d.layout.positions[id];
    if (stored) return { x: stored.x, y: stored.y };
    unplaced.push(id);
    return { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT };
  };
  const ids = new Set<string>();
  const add = (node: DesignNode) => {
    if (ids.has(node.id)) return; // duplicate ids are a design problem (validate.ts); the first wins
    ids.add(node.id);
    nodes.push(node);
  };

  for (const c of d.connectors.filter((c) => c.direction === 'source')) add(connectorNode(c, place(c.id, 0)));
  for (const s of d.services.filter((s) => s.role === 'producer')) add(serviceNode(s, place(s.id, 1)));
  for (const t of d.topics.filter((t) => t.kind === 'events')) add({ id: t.id, type: 'topic', position: place(t.id, 2), data: topicData(t) });
  for (const s of d.schemas) add({ id: s.id, type: 'schema', position: place(s.id, 2), data: { label: s.subject, format: s.format, compatibility: s.compatibility ?? null } });
  for (const t of d.topics.filter((t) => t.kind !== 'events')) {
    const position = place(t.id, 3);
    add(t.kind === 'retry' ? { id: t.id, type: 'retry-topic', position, data: topicData(t) } : { id: t.id, type: 'dlq', position, data: topicData(t) });
  }
  for (const s of d.services.filter((s) => s.role !== 'producer')) add(serviceNode(s, place(s.id, 4)));
  for (const c of d.connectors.filter((c) => c.direction === 'sink')) add(connectorNode(c, place(c.id, 5)));
  for (const n of d.notes) add({ id: n.id, type: 'note', position: place(n.id, 6), data: { label: n.text } });

  const edges: DesignGraphEdge[] = [];
  const edgeIds = new Set<string>();
  // An edge to a node that does not exist would break the canvas; dangling references are reported by validate.ts instead.
  const link = (edge: DesignGraphEdge) => {
    if (!ids.has(edge.source) || !ids.has(edge.target) || edgeIds.has(edge.id)) return;
    edgeIds.add(edge.id);
    edges.push(edge);
  };
  const topicsById = new Map(d.topics.map((t) => [t.id, t]));

  for (const e of d.edges) {
    if (e.kind === 'produces') {
      link({ id: e.id, type: 'produces', source: e.serviceId, target: e.topicId, label: e.delivery === 'at-least-once' ? null : e.delivery, data: { delivery: e.delivery, acks: e.acks, idempotence: e.idempotence, transactional: e.transactional } });
      continue;
    }
    link({ id: e.id, type: 'consumes', source: e.topicId, target: e.serviceId, label: e.consumerGroup, data: { consumerGroup: e.consumerGroup, delivery: e.delivery, parallelism: e.parallelism, retries: Boolean(e.retry) } });
    if (!e.retry) continue;
    let previous = e.topicId;
    e.retry.retryTopicIds.forEach((retryTopicId, i) => {
      const delayMs = topicsById.get(retryTopicId)?.retryDelayMs ?? null;
      link({ id: `${e.id}:retry-${i + 1}`, type: 'retry', source: previous, target: retryTopicId, label: `retry ${i + 1}${delayMs === null ? '' : ` after ${formatDelay(delayMs)}`}`, data: { consumesEdgeId: e.id, attempt: i + 2, delayMs } });
      previous = retryTopicId;
    });
    if (e.retry.dlqTopicId) {
      link({ id: `${e.id}:dlq`, type: 'dead-letter', source: previous, target: e.retry.dlqTopicId, label: `after ${e.retry.maxAttempts} attempt${e.retry.maxAttempts === 1 ? '' : 's'}`, data: { consumesEdgeId: e.id, maxAttempts: e.retry.maxAttempts } });
    }
  }
  for (const edge of sourceTopicEdges(d)) link(edge);
  for (const t of d.topics) {
    if (t.key?.schemaId) link({ id: `${t.id}:key-schema`, type: 'schema', source: t.id, target: t.key.schemaId, label: 'key', data: { role: 'key' } });
    if (t.valueSchemaId) link({ id: `${t.id}:value-schema`, type: 'schema', source: t.id, target: t.valueSchemaId, label: null, data: { role: 'value' } });
  }
  for (const c of d.connectors) {
    for (const topicId of c.topicIds) {
      const [source, target] = c.direction === 'source' ? [c.id, topicId] : [topicId, c.id];
      link({ id: `${c.id}:${topicId}`, type: 'connector', source, target, label: null, data: { direction: c.direction } });
    }
  }
  for (const n of d.notes) {
    if (n.attachedTo) link({ id: `${n.id}:attached`, type: 'note', source: n.id, target: n.attachedTo, label: null, data: {} });
  }
  return { nodes, edges, unplaced };
}

/** Edge id `<retry or dlq topic id>:source`, as drawing topic → retry/DLQ topic names it (edit-design.ts). */
export function sourceTopicEdgeId(holderTopicId: string): string {
  return `${holderTopicId}:source`;
}

/**
 * One edge per retry/dlq topic that names a source topic, from the source to it, unless a consumer
 * of that source already routes to it in its retry chain (the chain's hops are drawn instead, so the
 * same link is not drawn twice).
 */
export function sourceTopicEdges(d: DesignDocument): (RetriesToGraphEdge | DeadLettersToGraphEdge)[] {
  const chained = new Set<string>();
  for (const e of d.edges) {
    if (e.kind !== 'consumes' || !e.retry) continue;
    for (const id of [...e.retry.retryTopicIds, ...(e.retry.dlqTopicId ? [e.retry.dlqTopicId] : [])]) chained.add(`${e.topicId}>${id}`);
  }
  return d.topics
    .filter((t) => t.kind !== 'events' && t.sourceTopicId !== undefined && t.sourceTopicId !== t.id && !chained.has(`${t.sourceTopicId}>${t.id}`))
    .map((t) =>
      t.kind === 'retry'
        ? { id: sourceTopicEdgeId(t.id), type: 'retries-to' as const, source: t.sourceTopicId!, target: t.id, label: 'retries to', data: { holderTopicId: t.id } }
        : { id: sourceTopicEdgeId(t.id), type: 'dead-letters-to' as const, source: t.sourceTopicId!, target: t.id, label: 'dead-letters to', data: { holderTopicId: t.id } },
    );
}

function serviceNode(s: Service, position: XYPosition): ServiceNode {
  return { id: s.id, type: 'service', position, data: { label: s.name, role: s.role, language: s.language ?? null, owner: s.owner ?? null } };
}

function connectorNode(c: DesignDocument['connectors'][number], position: XYPosition): ConnectorNode {
  return { id: c.id, type: 'connector', position, data: { label: c.name, direction: c.direction, connectorClass: c.connectorClass } };
}

function topicData(t: Topic): TopicNodeData {
  return {
    label: t.name,
    partitions: t.partitions,
    replicationFactor: t.replicationFactor,
    keyMeaning: t.key?.meaning ?? null,
    compacted: isCompacted(t),
    sourceTopicId: t.sourceTopicId ?? null,
    retryDelayMs: t.retryDelayMs ?? null,
  };
}

function formatDelay(ms: number): string {
  const units: [number, string][] = [[3_600_000, 'h'], [60_000, 'min'], [1000, 's']];
  for (const [size, unit] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${unit}`;
  return `${ms} ms`;
}
