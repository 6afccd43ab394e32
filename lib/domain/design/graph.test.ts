import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from './fixtures';
import { buildDesignGraph, sourceTopicEdges } from './graph';
import { DESIGN_TEMPLATES } from './templates';

const d = design({
  services: [
    { id: 'shop', name: 'Shop', role: 'producer', language: 'java' },
    { id: 'billing', name: 'Billing', role: 'consumer' },
  ],
  topics: [
    topic('orders', { partitions: 6 }),
    topic('orders-retry-1', { name: 'orders.retry-1', kind: 'retry', sourceTopicId: 'orders', retryDelayMs: 30_000, valueSchemaId: undefined }),
    topic('orders-dlq', { name: 'orders.dlq', kind: 'dlq', sourceTopicId: 'orders', valueSchemaId: undefined, configs: { 'cleanup.policy': 'compact' } }),
  ],
  schemas: [schemaFor('orders')],
  edges: [
    { id: 'shop-orders', kind: 'produces', serviceId: 'shop', topicId: 'orders' },
    { id: 'billing-orders', kind: 'consumes', serviceId: 'billing', topicId: 'orders', consumerGroup: 'billing', retry: { maxAttempts: 2, retryTopicIds: ['orders-retry-1'], dlqTopicId: 'orders-dlq' } },
    { id: 'ghost-edge', kind: 'produces', serviceId: 'ghost', topicId: 'orders' },
  ],
  connectors: [{ id: 'cdc', name: 'cdc', direction: 'source', connectorClass: 'io.debezium.connector.postgresql.PostgresConnector', topicIds: ['orders', 'missing'] }],
  notes: [{ id: 'why', text: 'Billing retries once.', attachedTo: 'billing-orders' }],
  environments: [{ name: 'dev', topics: { orders: { partitions: 1 } } }],
  layout: { positions: { shop: { x: 5, y: 7 } } },
});

describe('buildDesignGraph', () => {
  const graph = buildDesignGraph(d);

  it('makes one node per element, ids equal to element ids, typed by role', () => {
    expect(graph.nodes.map((n) => [n.id, n.type])).toEqual([
      ['cdc', 'connector'],
      ['shop', 'service'],
      ['orders', 'topic'],
      ['orders-value', 'schema'],
      ['orders-retry-1', 'retry-topic'],
      ['orders-dlq', 'dlq'],
      ['billing', 'service'],
      ['why', 'note'],
    ]);
  });

  it('draws data flow, the retry chain and attachments with predictable ids, skipping dangling references', () => {
    expect(graph.edges.map((e) => [e.id, e.type, e.source, e.target, e.label])).toEqual([
      ['shop-orders', 'produces', 'shop', 'orders', null],
      ['billing-orders', 'consumes', 'orders', 'billing', 'billing'],
      ['billing-orders:retry-1', 'retry', 'orders', 'orders-retry-1', 'retry 1 after 30 s'],
      ['billing-orders:dlq', 'dead-letter', 'orders-retry-1', 'orders-dlq', 'after 2 attempts'],
      ['orders:value-schema', 'schema', 'orders', 'orders-value', null],
      ['cdc:orders', 'connector', 'cdc', 'orders', null],
    ]);
  });

  it('draws a retry/dlq topic’s source as a typed edge unless a consumer’s retry chain already routes there', () => {
    // orders → orders-retry-1 and → orders-dlq are drawn by billing’s chain; a second retry topic and
    // a DLQ of another topic that no chain reaches get their own "retries to" / "dead-letters to" line.
    const withSources = design({
      ...d,
      topics: [
        ...d.topics,
        topic('orders-retry-2', { name: 'orders.retry-2', kind: 'retry', sourceTopicId: 'orders', valueSchemaId: undefined }),
        topic('payments', { valueSchemaId: undefined }),
        topic('payments-dlq', { name: 'payments.dlq', kind: 'dlq', sourceTopicId: 'payments', valueSchemaId: undefined }),
        topic('loose', { kind: 'retry', valueSchemaId: undefined }),
        topic('self', { kind: 'dlq', sourceTopicId: 'self', valueSchemaId: undefined }),
      ],
    });
    expect(sourceTopicEdges(withSources).map((e) => [e.id, e.type, e.source, e.target, e.label])).toEqual([
      ['orders-retry-2:source', 'retries-to', 'orders', 'orders-retry-2', 'retries to'],
      ['payments-dlq:source', 'dead-letters-to', 'payments', 'payments-dlq', 'dead-letters to'],
    ]);
    const edges = buildDesignGraph(withSources).edges.filter((e) => e.type === 'retries-to' || e.type === 'dead-letters-to');
    expect(edges.map((e) => e.id)).toEqual(['orders-retry-2:source', 'payments-dlq:source']);
    // A source that is not in the design draws nothing (validate.ts reports the dangling reference).
    const dangling = design({ topics: [topic('x-dlq', { kind: 'dlq', sourceTopicId: 'gone', valueSchemaId: undefined })] });
    expect(buildDesignGraph(dangling).edges).toEqual([]);
  });

  it.each(DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const))('template %s: a line reaches every retry and dead-letter topic from its source side', (_, document) => {
    const edges = buildDesignGraph(document).edges;
    for (const t of document.topics.filter((x) => x.kind !== 'events' && x.sourceTopicId)) {
      expect(edges.some((e) => e.target === t.id && ['retry', 'dead-letter', 'retries-to', 'dead-letters-to'].includes(e.type)), t.id).toBe(true);
    }
  });

  it('drops a note edge whose target is not a node', () => {
    // Notes may attach to edges; the canvas cannot draw a node-to-edge line, so only node targets are kept.
    expect(graph.edges.some((e) => e.type === 'note')).toBe(false);
    const attached = buildDesignGraph(design({ ...d, notes: [{ id: 'why', text: 'x', attachedTo: 'billing' }] }));
    expect(attached.edges.filter((e) => e.type === 'note').map((e) => [e.id, e.source, e.target])).toEqual([['why:attached', 'why', 'billing']]);
  });

  it('uses stored positions and a left-to-right grid for the rest', () => {
    const at = Object.fromEntries(graph.nodes.map((n) => [n.id, n.position]));
    expect(at).toEqual({
      cdc: { x: 0, y: 0 },
      shop: { x: 5, y: 7 },
      orders: { x: 560, y: 0 },
      'orders-value': { x: 560, y: 140 },
      'orders-retry-1': { x: 840, y: 0 },
      'orders-dlq': { x: 840, y: 140 },
      billing: { x: 1120, y: 0 },
      why: { x: 1680, y: 0 },
    });
    expect(graph.unplaced).not.toContain('shop');
    expect(graph.unplaced).toHaveLength(7);
  });

  it('carries plain, serialisable data', () => {
    expect(JSON.parse(JSON.stringify(graph))).toEqual(graph);
    expect(graph.nodes.find((n) => n.id === 'orders-dlq')?.data).toEqual({ label: 'orders.dlq', partitions: 3, replicationFactor: 3, keyMeaning: 'orders-dlqId', compacted: true, sourceTopicId: 'orders', retryDelayMs: null });
    expect(graph.nodes.find((n) => n.id === 'shop')?.data).toEqual({ label: 'Shop', role: 'producer', language: 'java', owner: null });
  });

  it('shows an environment’s numbers', () => {
    expect(buildDesignGraph(d, { environment: 'dev' }).nodes.find((n) => n.id === 'orders')?.data).toMatchObject({ partitions: 1 });
  });

  it.each(DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const))('builds a consistent graph for template %s', (_, document) => {
    const g = buildDesignGraph(document);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(ids.size).toBe(g.nodes.length);
    expect(g.nodes.length).toBe(document.services.length + document.topics.length + document.schemas.length + document.connectors.length + document.notes.length);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    for (const e of g.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(g.edges.filter((e) => e.type === 'produces' || e.type === 'consumes').length).toBe(document.edges.length);
  });
});
