import type { DesignDocument, DesignEdge, Service, Topic, EventSchema, Connector, Note } from '../model';
import { sourceTopicEdgeId, type XYPosition } from '../graph';

/**
 * The canvas's edits as pure functions over the design document: each returns a new document and
 * never mutates its input, so undo/redo is a stack of documents and React sees new references only
 * where something changed. References are kept consistent: removing a topic removes the edges,
 * retry wiring, connector links and environment overrides that name it.
 */
export type PaletteKind = 'service' | 'topic' | 'retry-topic' | 'dlq' | 'schema' | 'connector' | 'note';

export const PALETTE_KINDS: readonly PaletteKind[] = ['service', 'topic', 'retry-topic', 'dlq', 'schema', 'connector', 'note'];

function allIds(design: DesignDocument): Set<string> {
  return new Set([...design.services, ...design.topics, ...design.schemas, ...design.edges, ...design.connectors, ...design.notes].map((e) => e.id));
}

/** `base`, or `base-2`, `base-3`, … whichever is free. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

const DEFAULT_SCHEMA = JSON.stringify(
  { type: 'record', name: 'Event', namespace: 'com.example', fields: [{ name: 'id', type: 'string' }, { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } }] },
  null,
  2,
);

export function addElement(design: DesignDocument, kind: PaletteKind, position: XYPosition): { design: DesignDocument; id: string } {
  const ids = allIds(design);
  const topicNames = new Set(design.topics.map((t) => t.name));
  const firstEvents = design.topics.find((t) => t.kind === 'events');
  const withPosition = (d: DesignDocument, id: string): DesignDocument => ({ ...d, layout: { ...d.layout, positions: { ...d.layout.positions, [id]: { x: Math.round(position.x), y: Math.round(position.y) } } } });
  switch (kind) {
    case 'service': {
      const id = freeName('service', ids);
      const service: Service = { id, name: id.replace(/^service/, 'Service'), role: 'both' };
      return { id, design: withPosition({ ...design, services: [...design.services, service] }, id) };
    }
    case 'topic':
    case 'retry-topic':
    case 'dlq': {
      const topicKind = kind === 'topic' ? 'events' : kind === 'retry-topic' ? 'retry' : 'dlq';
      const base = kind === 'topic' ? 'topic' : kind === 'retry-topic' ? `${firstEvents?.name ?? 'topic'}.retry` : `${firstEvents?.name ?? 'topic'}.dlq`;
      const name = freeName(base, topicNames);
      const id = freeName(name.replace(/[^A-Za-z0-9._-]/g, '-'), ids);
      const topic: Topic = {
        id,
        name,
        kind: topicKind,
        partitions: kind === 'dlq' ? 1 : 3,
        replicationFactor: 3,
        configs: { 'min.insync.replicas': '2' },
        ...(topicKind !== 'events' && firstEvents ? { sourceTopicId: firstEvents.id } : {}),
        ...(topicKind === 'retry' ? { retryDelayMs: 30_000 } : {}),
      };
      return { id, design: withPosition({ ...design, topics: [...design.topics, topic] }, id) };
    }
    case 'schema': {
      const id = freeName('schema', ids);
      const subjects = new Set(design.schemas.map((s) => s.subject));
      const schema: EventSchema = { id, subject: freeName(`${id}-value`, subjects), format: 'AVRO', definition: DEFAULT_SCHEMA, compatibility: 'BACKWARD', references: [] };
      return { id, design: withPosition({ ...design, schemas: [...design.schemas, schema] }, id) };
    }
    case 'connector': {
      const id = freeName('connector', ids);
      const connector: Connector = { id, name: id, direction: 'source', connectorClass: 'org.apache.kafka.connect.file.FileStreamSourceConnector', topicIds: [], config: {} };
      return { id, design: withPosition({ ...design, connectors: [...design.connectors, connector] }, id) };
    }
    case 'note': {
      const id = freeName('note', ids);
      return { id, design: withPosition({ ...design, notes: [...design.notes, { id, text: 'A note' }] }, id) };
    }
  }
}

/**
 * Removes elements by id. Canvas-only edge ids (they contain ":", see graph.ts) remove the link
 * they draw: a topic's schema, a connector's topic, a note's attachment, a consumer's retry hop.
 */
export function removeElements(design: DesignDocument, ids: readonly string[]): DesignDocument {
  const gone = new Set(ids.filter((id) => !id.includes(':')));
  const derived = ids.filter((id) => id.includes(':'));
  let d: DesignDocument = {
    ...design,
    services: design.services.filter((s) => !gone.has(s.id)),
    topics: design.topics.filter((t) => !gone.has(t.id)),
    schemas: design.schemas.filter((s) => !gone.has(s.id)),
    connectors: design.connectors.filter((c) => !gone.has(c.id)),
    notes: design.notes.filter((n) => !gone.has(n.id)),
  };
  d = {
    ...d,
    edges: d.edges
      .filter((e) => !gone.has(e.id) && !gone.has(e.serviceId) && !gone.has(e.topicId))
      .map((e) => (e.kind === 'consumes' && e.retry ? { ...e, retry: pruneRetry(e.retry, gone) } : e)),
    topics: d.topics.map((t) => {
      const { valueSchemaId, key, sourceTopicId, ...rest } = t;
      return {
        ...rest,
        ...(valueSchemaId && !gone.has(valueSchemaId) ? { valueSchemaId } : {}),
        ...(key ? { key: key.schemaId && gone.has(key.schemaId) ? { meaning: key.meaning } : key } : {}),
        ...(sourceTopicId && !gone.has(sourceTopicId) ? { sourceTopicId } : {}),
      };
    }),
    connectors: d.connectors.map((c) => ({ ...c, topicIds: c.topicIds.filter((id) => !gone.has(id)) })),
    notes: d.notes.map(({ attachedTo, ...n }) => (attachedTo && !gone.has(attachedTo) ? { ...n, attachedTo } : n)),
    environments: d.environments.map((env) => ({ ...env, topics: Object.fromEntries(Object.entries(env.topics).filter(([id]) => !gone.has(id))) })),
    layout: { ...d.layout, positions: Object.fromEntries(Object.entries(d.layout.positions).filter(([id]) => !gone.has(id))) },
  };
  for (const id of derived) d = removeLink(d, id);
  return d;
}

function pruneRetry(retry: NonNullable<Extract<DesignEdge, { kind: 'consumes' }>['retry']>, gone: ReadonlySet<string>) {
  const { dlqTopicId, ...rest } = retry;
  return { ...rest, retryTopicIds: retry.retryTopicIds.filter((id) => !gone.has(id)), ...(dlqTopicId && !gone.has(dlqTopicId) ? { dlqTopicId } : {}) };
}

function removeLink(d: DesignDocument, edgeId: string): DesignDocument {
  const [owner = '', what = ''] = edgeId.split(':');
  if (what === 'value-schema') return { ...d, topics: d.topics.map((t) => (t.id === owner ? withoutKey(t, 'valueSchemaId') : t)) };
  if (what === 'key-schema') return { ...d, topics: d.topics.map((t) => (t.id === owner && t.key ? { ...t, key: { meaning: t.key.meaning } } : t)) };
  if (what === 'attached') return { ...d, notes: d.notes.map((n) => (n.id === owner ? withoutKey(n, 'attachedTo') : n)) };
  // "<retry or dlq topic id>:source" (graph.ts sourceTopicEdgeId); a connector's link to a topic with id "source" has a connector as owner.
  if (what === 'source' && d.topics.some((t) => t.id === owner)) return { ...d, topics: d.topics.map((t) => (t.id === owner ? withoutKey(t, 'sourceTopicId') : t)) };
  if (what === 'dlq' || what.startsWith('retry-')) {
    return {
      ...d,
      edges: d.edges.map((e) => {
        if (e.id !== owner || e.kind !== 'consumes' || !e.retry) return e;
        if (what === 'dlq') return { ...e, retry: withoutKey(e.retry, 'dlqTopicId') };
        const hop = Number(what.slice('retry-'.length)) - 1;
        return { ...e, retry: { ...e.retry, retryTopicIds: e.retry.retryTopicIds.filter((_, i) => i !== hop) } };
      }),
    };
  }
  // connector links are "<connectorId>:<topicId>"
  return { ...d, connectors: d.connectors.map((c) => (c.id === owner ? { ...c, topicIds: c.topicIds.filter((t) => t !== what) } : c)) };
}

function withoutKey<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

export type ConnectResult = { ok: true; design: DesignDocument; edgeId: string } | { ok: false; message: string };

/**
 * What drawing a line from one node to another means, by the kinds of the two ends:
 * service → topic produces; topic → service consumes (group named after the service);
 * topic → schema sets the topic's value schema; topic → retry/dlq topic makes it that topic's
 * source; a source connector → topic and topic → sink connector link them; a note → anything attaches it.
 */
export function connectElements(design: DesignDocument, sourceId: string, targetId: string): ConnectResult {
  if (sourceId === targetId) return { ok: false, message: 'An element cannot connect to itself.' };
  const service = (id: string) => design.services.find((s) => s.id === id);
  const topic = (id: string) => design.topics.find((t) => t.id === id);
  const schema = (id: string) => design.schemas.find((s) => s.id === id);
  const connector = (id: string) => design.connectors.find((c) => c.id === id);
  const ids = allIds(design);

  const s = service(sourceId);
  const t = topic(targetId);
  if (s && t) {
    if (design.edges.some((e) => e.kind === 'produces' && e.serviceId === s.id && e.topicId === t.id)) return { ok: false, message: `${s.name} already produces to ${t.name}.` };
    const edgeId = freeName(`${s.id}-produces-${t.id}`, ids);
    const services = s.role === 'consumer' ? design.services.map((x) => (x.id === s.id ? { ...x, role: 'both' as const } : x)) : design.services;
    const edge: DesignEdge = { id: edgeId, kind: 'produces', serviceId: s.id, topicId: t.id, delivery: 'at-least-once', acks: 'all', idempotence: true, transactional: false };
    return { ok: true, edgeId, design: { ...design, services, edges: [...design.edges, edge] } };
  }
  const from = topic(sourceId);
  const consumer = service(targetId);
  if (from && consumer) {
    if (design.edges.some((e) => e.kind === 'consumes' && e.serviceId === consumer.id && e.topicId === from.id)) return { ok: false, message: `${consumer.name} already consumes ${from.name}.` };
    const edgeId = freeName(`${consumer.id}-consumes-${from.id}`, ids);
    const services = consumer.role === 'producer' ? design.services.map((x) => (x.id === consumer.id ? { ...x, role: 'both' as const } : x)) : design.services;
    const edge: DesignEdge = { id: edgeId, kind: 'consumes', serviceId: consumer.id, topicId: from.id, consumerGroup: consumer.id, delivery: 'at-least-once', isolationLevel: 'read_uncommitted', parallelism: 1 };
    return { ok: true, edgeId, design: { ...design, services, edges: [...design.edges, edge] } };
  }
  const sc = schema(targetId);
  if (from && sc) return { ok: true, edgeId: `${from.id}:value-schema`, design: { ...design, topics: design.topics.map((x) => (x.id === from.id ? { ...x, valueSchemaId: sc.id } : x)) } };
  const to = topic(targetId);
  if (from && to) {
    if (to.kind === 'events') return { ok: false, message: `Draw topic → retry or dead-letter topic; "${to.name}" is an events topic. To copy records between topics, draw the service that does it.` };
    return { ok: true, edgeId: sourceTopicEdgeId(to.id), design: { ...design, topics: design.topics.map((x) => (x.id === to.id ? { ...x, sourceTopicId: from.id } : x)) } };
  }
  const c = connector(sourceId) ?? connector(targetId);
  const linked = topic(sourceId) ?? topic(targetId);
  if (c && linked) {
    const direction = connector(sourceId) ? 'source' : 'sink';
    if (c.direction !== direction) return { ok: false, message: `"${c.name}" is a ${c.direction} connector: draw ${c.direction === 'source' ? 'from the connector to the topic' : 'from the topic to the connector'}.` };
    if (c.topicIds.includes(linked.id)) return { ok: false, message: `"${c.name}" already uses ${linked.name}.` };
    return { ok: true, edgeId: `${c.id}:${linked.id}`, design: { ...design, connectors: design.connectors.map((x) => (x.id === c.id ? { ...x, topicIds: [...x.topicIds, linked.id] } : x)) } };
  }
  const note = design.notes.find((n) => n.id === sourceId);
  if (note && ids.has(targetId)) return { ok: true, edgeId: `${note.id}:attached`, design: { ...design, notes: design.notes.map((n) => (n.id === note.id ? { ...n, attachedTo: targetId } : n)) } };
  return { ok: false, message: 'These two cannot be connected. Draw service → topic (produces), topic → service (consumes), topic → schema, topic → retry/DLQ topic, connector ↔ topic, or note → anything.' };
}

export type ElementValue =
  | { kind: 'service'; value: Service }
  | { kind: 'topic'; value: Topic }
  | { kind: 'schema'; value: EventSchema }
  | { kind: 'edge'; value: DesignEdge }
  | { kind: 'connector'; value: Connector }
  | { kind: 'note'; value: Note };

const COLLECTION = { service: 'services', topic: 'topics', schema: 'schemas', edge: 'edges', connector: 'connectors', note: 'notes' } as const;

/** The element with this id and its kind, or null. */
export function findElement(design: DesignDocument, id: string): ElementValue | null {
  for (const [kind, key] of Object.entries(COLLECTION) as [ElementValue['kind'], (typeof COLLECTION)[keyof typeof COLLECTION]][]) {
    const value = (design[key] as readonly { id: string }[]).find((e) => e.id === id);
    if (value) return { kind, value } as ElementValue;
  }
  return null;
}

/** Replaces the element with the same id (ids never change: layout and findings key on them). */
export function updateElement(design: DesignDocument, element: ElementValue): DesignDocument {
  const key = COLLECTION[element.kind];
  const items = design[key] as readonly { id: string }[];
  return { ...design, [key]: items.map((e) => (e.id === element.value.id ? element.value : e)) };
}

export function setPositions(design: DesignDocument, positions: Readonly<Record<string, XYPosition>>): DesignDocument {
  const rounded = Object.fromEntries(Object.entries(positions).map(([id, p]) => [id, { x: Math.round(p.x), y: Math.round(p.y) }]));
  return { ...design, layout: { ...design.layout, positions: { ...design.layout.positions, ...rounded } } };
}

/** What copy puts on the clipboard: the chosen elements and the edges between them. */
export interface DesignFragment {
  services: Service[];
  topics: Topic[];
  schemas: EventSchema[];
  edges: DesignEdge[];
  connectors: Connector[];
  notes: Note[];
  positions: Record<string, XYPosition>;
}

export function copyElements(design: DesignDocument, ids: readonly string[]): DesignFragment {
  const chosen = new Set(ids);
  const pick = <T extends { id: string }>(items: readonly T[]) => structuredClone(items.filter((e) => chosen.has(e.id)));
  const services = pick(design.services);
  const topics = pick(design.topics);
  const inside = new Set([...services, ...topics].map((e) => e.id));
  return {
    services,
    topics,
    schemas: pick(design.schemas),
    edges: structuredClone(design.edges.filter((e) => inside.has(e.serviceId) && inside.has(e.topicId))),
    connectors: pick(design.connectors),
    notes: pick(design.notes),
    positions: Object.fromEntries(Object.entries(design.layout.positions).filter(([id]) => chosen.has(id))),
  };
}

/**
 * Adds a copy of the fragment with fresh ids, topic names and subjects (Kafka and the registry need
 * them unique), shifted by `offset`; references inside the fragment follow the renaming, references
 * to elements outside it are kept when those still exist.
 */
export function pasteFragment(design: DesignDocument, fragment: DesignFragment, offset: XYPosition = { x: 40, y: 40 }): { design: DesignDocument; ids: string[] } {
  const ids = allIds(design);
  const topicNames = new Set(design.topics.map((t) => t.name));
  const subjects = new Set(design.schemas.map((s) => s.subject));
  const rename = new Map<string, string>();
  const fresh = (id: string) => {
    const next = freeName(`${id}-copy`, ids);
    ids.add(next);
    rename.set(id, next);
    return next;
  };
  for (const e of [...fragment.services, ...fragment.topics, ...fragment.schemas, ...fragment.edges, ...fragment.connectors, ...fragment.notes]) fresh(e.id);
  const ref = (id: string) => rename.get(id) ?? id;
  const refOpt = (id: string | undefined) => (id === undefined ? undefined : rename.has(id) || ids.has(id) ? ref(id) : undefined);
  const clean = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

  const topics = fragment.topics.map((t) => {
    const name = freeName(`${t.name}-copy`, topicNames);
    topicNames.add(name);
    return clean({ ...t, id: ref(t.id), name, sourceTopicId: refOpt(t.sourceTopicId), valueSchemaId: refOpt(t.valueSchemaId), key: t.key ? clean({ ...t.key, schemaId: refOpt(t.key.schemaId) }) : undefined });
  });
  const schemas = fragment.schemas.map((s) => {
    const subject = freeName(`${s.subject}-copy`, subjects);
    subjects.add(subject);
    return { ...s, id: ref(s.id), subject };
  });
  const edges = fragment.edges.map((e): DesignEdge => {
    const base = { ...e, id: ref(e.id), serviceId: ref(e.serviceId), topicId: ref(e.topicId) };
    if (base.kind !== 'consumes' || !base.retry) return base;
    return { ...base, retry: clean({ ...base.retry, retryTopicIds: base.retry.retryTopicIds.map(ref), dlqTopicId: refOpt(base.retry.dlqTopicId) }) };
  });
  const positions = Object.fromEntries(Object.entries(fragment.positions).map(([id, p]) => [ref(id), { x: p.x + offset.x, y: p.y + offset.y }]));
  const next: DesignDocument = {
    ...design,
    services: [...design.services, ...fragment.services.map((s) => ({ ...s, id: ref(s.id) }))],
    topics: [...design.topics, ...topics],
    schemas: [...design.schemas, ...schemas],
    edges: [...design.edges, ...edges],
    connectors: [...design.connectors, ...fragment.connectors.map((c) => ({ ...c, id: ref(c.id), topicIds: c.topicIds.map(ref) }))],
    notes: [...design.notes, ...fragment.notes.map((n) => clean({ ...n, id: ref(n.id), attachedTo: refOpt(n.attachedTo) }))],
    layout: { ...design.layout, positions: { ...design.layout.positions, ...positions } },
  };
  return { design: next, ids: [...rename.values()] };
}
