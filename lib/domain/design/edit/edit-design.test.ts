import { describe, expect, it } from 'vitest';
import { designProblems } from '../validate';
import { buildDesignGraph } from '../graph';
import { retryDlqTemplate } from '../templates/retry-dlq';
import { taskManagementTemplate } from '../templates/task-management';
import { blankDesign } from './new-design';
import { layoutPositions, NODE_SIZE } from './auto-layout';
import { addElement, connectElements, copyElements, findElement, PALETTE_KINDS, pasteFragment, removeElements, setPositions, updateElement } from './edit-design';

const retry = retryDlqTemplate.document;

describe('addElement', () => {
  it.each(PALETTE_KINDS)('adds a valid %s at the drop position with a fresh id', (kind) => {
    const first = addElement(blankDesign('x'), 'topic', { x: 0, y: 0 }).design;
    const { design, id } = addElement(first, kind, { x: 10.4, y: 20.6 });
    expect(design.layout.positions[id]).toEqual({ x: 10, y: 21 });
    expect(designProblems(design)).toEqual([]);
    const again = addElement(design, kind, { x: 0, y: 0 });
    expect(again.id).not.toBe(id);
    expect(designProblems(again.design)).toEqual([]);
  });
});

describe('connectElements', () => {
  const base = (() => {
    let d = blankDesign('x');
    for (const k of ['service', 'topic', 'schema', 'dlq', 'connector', 'note'] as const) d = addElement(d, k, { x: 0, y: 0 }).design;
    return d;
  })();

  it.each([
    ['service', 'topic', (d: typeof base) => d.edges.some((e) => e.kind === 'produces')],
    ['topic', 'service', (d: typeof base) => d.edges.some((e) => e.kind === 'consumes' && e.consumerGroup === 'service')],
    ['topic', 'schema', (d: typeof base) => d.topics[0]!.valueSchemaId === 'schema'],
    ['topic', 'topic.dlq', (d: typeof base) => d.topics[1]!.sourceTopicId === 'topic'],
    ['connector', 'topic', (d: typeof base) => d.connectors[0]!.topicIds.includes('topic')],
    ['note', 'service', (d: typeof base) => d.notes[0]!.attachedTo === 'service'],
  ])('%s → %s', (source, target, check) => {
    const r = connectElements(base, source, target);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(check(r.design)).toBe(true);
      expect(designProblems(r.design)).toEqual([]);
    }
  });

  it.each([
    ['service', 'schema'],
    ['topic', 'connector'],
    ['service', 'service'],
  ])('refuses %s → %s with an explanation', (source, target) => {
    const r = connectElements(base, source, target);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message.length).toBeGreaterThan(10);
  });

  it('topic → DLQ topic draws a "dead-letters to" line; deleting the line clears the source, and only that', () => {
    // A DLQ dropped from the palette already names the first events topic as its source.
    const drawnEdge = (d: typeof base) => buildDesignGraph(d).edges.find((e) => e.id === 'topic.dlq:source');
    expect(drawnEdge(base)).toMatchObject({ type: 'dead-letters-to', source: 'topic', target: 'topic.dlq', label: 'dead-letters to' });
    const cleared = removeElements(base, ['topic.dlq:source']);
    expect(cleared.topics.find((t) => t.id === 'topic.dlq')!.sourceTopicId).toBeUndefined();
    expect(cleared.topics.map((t) => t.id)).toEqual(base.topics.map((t) => t.id));
    expect(drawnEdge(cleared)).toBeUndefined();
    const drawn = connectElements(cleared, 'topic', 'topic.dlq');
    expect(drawn.ok && drawn.edgeId).toBe('topic.dlq:source');
    expect(drawn.ok && drawnEdge(drawn.design)).toMatchObject({ source: 'topic', target: 'topic.dlq' });
  });

  it('does not draw the same produce twice', () => {
    const once = connectElements(base, 'service', 'topic');
    expect(once.ok && connectElements(once.design, 'service', 'topic').ok).toBe(false);
  });
});

describe('removeElements', () => {
  it('removing a topic removes what refers to it and leaves a valid design', () => {
    const d = removeElements(retry, ['orders-retry-2', 'orders-dlq']);
    expect(d.topics.map((t) => t.id)).not.toContain('orders-retry-2');
    const consume = d.edges.find((e) => e.id === 'payment-service-consumes-orders');
    expect(consume?.kind === 'consumes' && consume.retry?.retryTopicIds).toEqual(['orders-retry-1', 'orders-retry-3']);
    expect(consume?.kind === 'consumes' && consume.retry?.dlqTopicId).toBeUndefined();
    expect(d.edges.some((e) => e.topicId === 'orders-dlq')).toBe(false);
    expect(designProblems(d)).toEqual([]);
  });

  it('removing canvas-only edges removes the link they draw', () => {
    const d = removeElements(retry, ['orders:value-schema', 'payment-service-consumes-orders:dlq', 'note-order:attached']);
    expect(d.topics.find((t) => t.id === 'orders')!.valueSchemaId).toBeUndefined();
    const consume = d.edges.find((e) => e.id === 'payment-service-consumes-orders');
    expect(consume?.kind === 'consumes' && consume.retry?.dlqTopicId).toBeUndefined();
    expect(d.notes.find((n) => n.id === 'note-order')!.attachedTo).toBeUndefined();
    expect(designProblems(d)).toEqual([]);
  });

  it('removing a service removes its edges; the input is untouched', () => {
    const d = removeElements(retry, ['dlq-reprocessor']);
    expect(d.edges.some((e) => e.serviceId === 'dlq-reprocessor')).toBe(false);
    expect(retry.services.some((s) => s.id === 'dlq-reprocessor')).toBe(true);
  });
});

describe('copy and paste', () => {
  it('pastes a copy with fresh ids, names and subjects, keeping internal references', () => {
    const fragment = copyElements(retry, ['order-service', 'orders', 'order-placed']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['order-service-produces-orders']);
    const { design, ids } = pasteFragment(retry, fragment, { x: 50, y: 0 });
    expect(ids).toHaveLength(4);
    const topic = design.topics.find((t) => t.id === 'orders-copy')!;
    expect(topic.name).toBe('orders-copy');
    expect(topic.valueSchemaId).toBe('order-placed-copy');
    expect(design.schemas.find((s) => s.id === 'order-placed-copy')!.subject).toBe('orders-value-copy');
    expect(design.edges.find((e) => e.id === 'order-service-produces-orders-copy')).toMatchObject({ serviceId: 'order-service-copy', topicId: 'orders-copy' });
    expect(designProblems(design)).toEqual([]);
    const twice = pasteFragment(design, fragment);
    expect(designProblems(twice.design)).toEqual([]);
  });
});

describe('updateElement and positions', () => {
  it('replaces by id', () => {
    const found = findElement(retry, 'orders');
    expect(found?.kind).toBe('topic');
    if (found?.kind !== 'topic') return;
    const d = updateElement(retry, { kind: 'topic', value: { ...found.value, partitions: 12 } });
    expect(d.topics.find((t) => t.id === 'orders')!.partitions).toBe(12);
    expect(setPositions(d, { orders: { x: 1.2, y: 2.7 } }).layout.positions.orders).toEqual({ x: 1, y: 3 });
  });
});

describe('layoutPositions', () => {
  it('flows left to right (services that both consume and produce make cycles, so most, not all) without overlaps', () => {
    const graph = buildDesignGraph(taskManagementTemplate.document);
    const pos = layoutPositions(graph);
    expect(Object.keys(pos).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    const flow = graph.edges.filter((e) => e.type === 'produces' || e.type === 'consumes');
    expect(flow.filter((e) => pos[e.source]!.x < pos[e.target]!.x).length / flow.length).toBeGreaterThan(0.75);
    const boxes = graph.nodes.map((n) => ({ ...pos[n.id]!, ...NODE_SIZE[n.type]! }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
      }
  });
});
