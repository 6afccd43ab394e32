import { designDocumentSchema, type DesignDocument, type DesignDocumentInput } from './model';

/**
 * Small designs for tests. Defaults are production-clean (replication 3, min.insync.replicas 2, a
 * key and a schema), so each test states only what it is about.
 */
type TopicInput = NonNullable<DesignDocumentInput['topics']>[number];

export function design(input: Partial<DesignDocumentInput> = {}): DesignDocument {
  return designDocumentSchema.parse({ version: 1, name: 'Test design', ...input });
}

export function topic(id: string, overrides: Partial<TopicInput> = {}): TopicInput {
  return { id, name: id, partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' }, key: { meaning: `${id}Id` }, valueSchemaId: `${id}-value`, ...overrides };
}

export function schemaFor(topicId: string, definition = '{"type":"string"}'): NonNullable<DesignDocumentInput['schemas']>[number] {
  return { id: `${topicId}-value`, subject: `${topicId}-value`, format: 'AVRO', definition };
}
