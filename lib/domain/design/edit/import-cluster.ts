import { designDocumentSchema, ELEMENT_ID_PATTERN, type CompatibilityLevel, type DesignDocument, type DesignDocumentInput, type SchemaFormat } from '../model';

/** What the cluster, registry and Connect hold, as the importer reads it (lib/kafka/design-cluster-snapshot.ts). */
export interface ClusterSnapshot {
  cluster: string;
  topics: { name: string; partitions: number; replicationFactor: number; configs: Record<string, string> }[];
  groups: { groupId: string; state: string; topics: string[] }[];
  subjects: { subject: string; format: SchemaFormat; definition: string; compatibility: CompatibilityLevel | null }[];
  connectors: { name: string; direction: 'source' | 'sink'; connectorClass: string; topics: string[] }[];
}

export interface ClusterImport {
  design: DesignDocument;
  warnings: string[];
}

type Input = Required<Pick<DesignDocumentInput, 'services' | 'topics' | 'schemas' | 'edges' | 'connectors' | 'notes'>>;

const DLQ = /[._-](dlq|dlt|dead-letter|deadletter)$/i;
const RETRY = /[._-]retry(?:[._-]?\d+)?$/i;

/**
 * A design from what a cluster shows: topics with their own config overrides; subjects as schemas,
 * linked to topics by the default TopicNameStrategy (`<topic>-value`, `<topic>-key`); consumer
 * groups as consumer services with consume edges to the topics they have offsets on; connectors
 * with their topics. Topics named like `orders.dlq` or `orders-retry-1` become DLQ and retry topics
 * of `orders` when it exists.
 *
 * Kafka does not record producers: the importer says which topics have none it can infer (source
 * connectors are producers) in a note to fill in, rather than inventing services.
 */
export function designFromCluster(snapshot: ClusterSnapshot, options: { name: string }): ClusterImport {
  const warnings: string[] = [];
  const used = new Set<string>();
  const idFor = (raw: string, prefix: string) => {
    let base = raw.replace(/[^A-Za-z0-9._-]/g, '-');
    if (!ELEMENT_ID_PATTERN.test(base)) base = `${prefix}-${base}`.replace(/-+/g, '-');
    base = base.slice(0, 120);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}-${i}`;
    used.add(id);
    return id;
  };
  const doc: Input = { services: [], topics: [], schemas: [], edges: [], connectors: [], notes: [] };

  const subjectIds = new Map<string, string>();
  for (const s of snapshot.subjects) {
    const id = idFor(s.subject, 'schema');
    subjectIds.set(s.subject, id);
    doc.schemas.push({ id, subject: s.subject, format: s.format, definition: s.definition, ...(s.compatibility ? { compatibility: s.compatibility } : {}) });
  }

  const topicIds = new Map<string, string>();
  for (const t of snapshot.topics) topicIds.set(t.name, idFor(t.name, 'topic'));
  const sourceOf = (name: string, pattern: RegExp) => {
    const base = name.replace(pattern, '');
    return base !== name ? topicIds.get(base) : undefined;
  };
  for (const t of snapshot.topics) {
    const id = topicIds.get(t.name)!;
    const dlqSource = sourceOf(t.name, DLQ);
    const retrySource = dlqSource ? undefined : sourceOf(t.name, RETRY);
    const value = subjectIds.get(`${t.name}-value`);
    const key = subjectIds.get(`${t.name}-key`);
    doc.topics.push({
      id,
      name: t.name,
      kind: dlqSource ? 'dlq' : retrySource ? 'retry' : 'events',
      ...(dlqSource ?? retrySource ? { sourceTopicId: dlqSource ?? retrySource } : {}),
      partitions: t.partitions,
      replicationFactor: t.replicationFactor,
      configs: t.configs,
      ...(value ? { valueSchemaId: value } : {}),
      ...(key ? { key: { meaning: `Described by subject ${t.name}-key.`, schemaId: key } } : {}),
    });
  }

  for (const g of snapshot.groups) {
    const consumed = g.topics.filter((t) => topicIds.has(t));
    if (consumed.length === 0) continue;
    const serviceId = idFor(`group-${g.groupId}`, 'group');
    doc.services.push({ id: serviceId, name: g.groupId, role: 'consumer', description: `Imported from consumer group "${g.groupId}" (${g.state} when imported).` });
    for (const topic of consumed) {
      doc.edges.push({ id: idFor(`${serviceId}-consumes-${topicIds.get(topic)}`, 'edge'), kind: 'consumes', serviceId, topicId: topicIds.get(topic)!, consumerGroup: g.groupId });
    }
  }

  const produced = new Set<string>();
  for (const c of snapshot.connectors) {
    const topics = c.topics.filter((t) => topicIds.has(t));
    if (c.direction === 'source') topics.forEach((t) => produced.add(t));
    const missing = c.topics.filter((t) => !topicIds.has(t));
    if (missing.length) warnings.push(`Connector "${c.name}" uses ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not imported.`);
    doc.connectors.push({ id: idFor(`connector-${c.name}`, 'connector'), name: c.name, direction: c.direction, connectorClass: c.connectorClass, topicIds: topics.map((t) => topicIds.get(t)!) });
  }

  const unknownProducers = snapshot.topics.filter((t) => !produced.has(t.name) && !DLQ.test(t.name) && !RETRY.test(t.name)).map((t) => t.name);
  if (unknownProducers.length) {
    doc.notes.push({
      id: idFor('note-producers', 'note'),
      text: `Kafka does not record producers. No producer is known for: ${unknownProducers.slice(0, 20).join(', ')}${unknownProducers.length > 20 ? ', …' : ''}. Add producer services from the palette and draw service → topic.`,
    });
  }
  const unlinked = snapshot.subjects.filter((s) => !/-(value|key)$/.test(s.subject) || !topicIds.has(s.subject.replace(/-(value|key)$/, ''))).map((s) => s.subject);
  if (unlinked.length) warnings.push(`Subjects not named <topic>-value or <topic>-key stay unlinked: ${unlinked.slice(0, 10).join(', ')}${unlinked.length > 10 ? ', …' : ''}.`);

  const design = designDocumentSchema.parse({ version: 1, name: options.name, description: `Imported from cluster "${snapshot.cluster}".`, ...doc });
  return { design, warnings };
}
