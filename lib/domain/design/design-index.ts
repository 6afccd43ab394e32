import type { ConsumesEdge, DesignDocument, EventSchema, ProducesEdge, Service, Topic } from './model';

export type ElementKind = 'service' | 'topic' | 'schema' | 'edge' | 'connector' | 'note';

/** Look-ups every rule needs; built once per lint or plan. The first element wins on duplicate ids (validate.ts reports them). */
export interface DesignIndex {
  kinds: ReadonlyMap<string, ElementKind>;
  services: ReadonlyMap<string, Service>;
  topics: ReadonlyMap<string, Topic>;
  schemas: ReadonlyMap<string, EventSchema>;
  produces: readonly ProducesEdge[];
  consumes: readonly ConsumesEdge[];
}

export function indexDesign(design: DesignDocument): DesignIndex {
  const kinds = new Map<string, ElementKind>();
  const add = <T extends { id: string }>(kind: ElementKind, items: readonly T[], into?: Map<string, T>) => {
    for (const item of items) {
      if (kinds.has(item.id)) continue;
      kinds.set(item.id, kind);
      into?.set(item.id, item);
    }
  };
  const services = new Map<string, Service>();
  const topics = new Map<string, Topic>();
  const schemas = new Map<string, EventSchema>();
  add('service', design.services, services);
  add('topic', design.topics, topics);
  add('schema', design.schemas, schemas);
  add('edge', design.edges);
  add('connector', design.connectors);
  add('note', design.notes);
  return {
    kinds,
    services,
    topics,
    schemas,
    produces: design.edges.filter((e): e is ProducesEdge => e.kind === 'produces'),
    consumes: design.edges.filter((e): e is ConsumesEdge => e.kind === 'consumes'),
  };
}

/** The schema describing a topic's values: its own, or for retry/dlq topics the source topic's (they carry the same records). */
export function valueSchemaOf(topic: Topic, index: DesignIndex): EventSchema | undefined {
  if (topic.valueSchemaId) return index.schemas.get(topic.valueSchemaId);
  if (topic.kind !== 'events' && topic.sourceTopicId) {
    const source = index.topics.get(topic.sourceTopicId);
    if (source && source.id !== topic.id && source.valueSchemaId) return index.schemas.get(source.valueSchemaId);
  }
  return undefined;
}
