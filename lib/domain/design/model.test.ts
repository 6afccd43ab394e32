import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import publishedSchema from '@/schemas/design.v1.schema.json';
import { topicNameProblem } from '../topics/topic-name';
import { topic } from './fixtures';
import { designDocumentSchema, TOPIC_NAME_PATTERN } from './model';
import { DESIGN_TEMPLATES } from './templates';

// ajv runs only here: the app validates with zod, and this proves the published file says the same.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateWithJsonSchema = ajv.compile(publishedSchema);

const minimal = { version: 1, name: 'Empty design' };
const base = {
  version: 1,
  name: 'Orders',
  services: [{ id: 'shop', name: 'Shop', role: 'producer' }],
  topics: [topic('orders')],
  schemas: [{ id: 'orders-value', subject: 'orders-value', format: 'AVRO', definition: '"string"' }],
  edges: [{ id: 'shop-orders', kind: 'produces', serviceId: 'shop', topicId: 'orders' }],
};
const withTopic = (overrides: Record<string, unknown>) => ({ ...base, topics: [{ ...topic('orders'), ...overrides }] });
const withEdge = (edge: Record<string, unknown>) => ({ ...base, edges: [edge] });

describe('zod model and published JSON Schema agree', () => {
  it.each([
    ['a minimal document', minimal],
    ['a small design', base],
    ['a design with every optional part', {
      ...base,
      $schema: './design.v1.schema.json',
      description: 'All the parts.',
      connectors: [{ id: 'sink', name: 'jdbc-sink', direction: 'sink', connectorClass: 'io.confluent.connect.jdbc.JdbcSinkConnector', topicIds: ['orders'], config: { 'insert.mode': 'upsert' } }],
      notes: [{ id: 'n1', text: 'Hello', attachedTo: 'orders' }],
      environments: [{ name: 'dev', topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': null } }, topics: { orders: { partitions: 1 } } }],
      layout: { positions: { orders: { x: 10.5, y: -3 } }, viewport: { x: 0, y: 0, zoom: 1.25 } },
    }],
    ...DESIGN_TEMPLATES.map((t) => [`template ${t.id}`, t.document]),
  ] as [string, unknown][])('both accept %s', (_, document) => {
    expect(designDocumentSchema.safeParse(document).error?.issues ?? []).toEqual([]);
    expect(validateWithJsonSchema(document), JSON.stringify(validateWithJsonSchema.errors)).toBe(true);
  });

  it.each([
    ['a non-object', 'design'],
    ['no version', { name: 'x' }],
    ['a future version', { ...minimal, version: 2 }],
    ['no name', { version: 1 }],
    ['an unknown top-level key', { ...minimal, nodes: [] }],
    ['a misspelt topic field', withTopic({ replicationfactor: 3 })],
    ['an illegal topic name', withTopic({ name: 'bad name' })],
    ['the topic name ".."', withTopic({ name: '..' })],
    ['a 250-character topic name', withTopic({ name: 'x'.repeat(250) })],
    ['zero partitions', withTopic({ partitions: 0 })],
    ['fractional partitions', withTopic({ partitions: 1.5 })],
    ['partitions as a string', withTopic({ partitions: '3' })],
    ['an unknown topic kind', withTopic({ kind: 'archive' })],
    ['a numeric config value', withTopic({ configs: { 'retention.ms': 1000 } })],
    ['an id with ":"', withTopic({ id: 'a:b' })],
    ['a key without meaning', withTopic({ key: {} })],
    ['an unknown schema format', { ...base, schemas: [{ id: 's', subject: 's', format: 'THRIFT', definition: 'x' }] }],
    ['an unknown compatibility level', { ...base, schemas: [{ id: 's', subject: 's', format: 'AVRO', definition: '"string"', compatibility: 'SOMETIMES' }] }],
    ['an empty schema definition', { ...base, schemas: [{ id: 's', subject: 's', format: 'AVRO', definition: '' }] }],
    ['an unknown edge kind', withEdge({ id: 'e', kind: 'reads', serviceId: 'shop', topicId: 'orders' })],
    ['a consumes edge without group', withEdge({ id: 'e', kind: 'consumes', serviceId: 'shop', topicId: 'orders' })],
    ['a produces edge with a consumer group', withEdge({ id: 'e', kind: 'produces', serviceId: 'shop', topicId: 'orders', consumerGroup: 'g' })],
    ['acks as a number', withEdge({ id: 'e', kind: 'produces', serviceId: 'shop', topicId: 'orders', acks: 1 })],
    ['zero max attempts', withEdge({ id: 'e', kind: 'consumes', serviceId: 'shop', topicId: 'orders', consumerGroup: 'g', retry: { maxAttempts: 0 } })],
    ['an unknown connector direction', { ...base, connectors: [{ id: 'c', name: 'c', direction: 'both', connectorClass: 'X' }] }],
    ['an empty note', { ...base, notes: [{ id: 'n', text: '' }] }],
    ['an upper-case environment name', { ...base, environments: [{ name: 'Prod' }] }],
    ['a numeric override config value', { ...base, environments: [{ name: 'dev', topics: { orders: { configs: { 'retention.ms': 5 } } } }] }],
    ['a replication factor above 32', { ...base, environments: [{ name: 'dev', topicDefaults: { replicationFactor: 33 } }] }],
    ['a position without y', { ...base, layout: { positions: { orders: { x: 1 } } } }],
    ['a zero zoom', { ...base, layout: { positions: {}, viewport: { x: 0, y: 0, zoom: 0 } } }],
  ] as [string, unknown][])('both reject %s', (_, document) => {
    expect(designDocumentSchema.safeParse(document).success).toBe(false);
    expect(validateWithJsonSchema(document)).toBe(false);
  });
});

describe('TOPIC_NAME_PATTERN', () => {
  it.each(['task-events', 'a.b_c-D9', '...', '.a', 'x'.repeat(249), '.', '..', '', 'bad name', 'tâche', 'a/b'])('agrees with topicNameProblem on %j', (name) => {
    const legal = TOPIC_NAME_PATTERN.test(name) && name.length <= 249;
    expect(legal).toBe(topicNameProblem(name) === null);
  });

  it('reports the topic-name rule in its own words', () => {
    const r = designDocumentSchema.safeParse(withTopic({ name: 'bad name!' }));
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Topic names may use only letters, digits, ".", "_" and "-"; remove space, "!".']);
  });
});

describe('defaults', () => {
  it('fills what a file may leave out', () => {
    const d = designDocumentSchema.parse({ ...base, edges: [{ id: 'c', kind: 'consumes', serviceId: 'shop', topicId: 'orders', consumerGroup: 'g', retry: { maxAttempts: 3 } }] });
    expect(d.edges[0]).toEqual({ id: 'c', kind: 'consumes', serviceId: 'shop', topicId: 'orders', consumerGroup: 'g', delivery: 'at-least-once', isolationLevel: 'read_uncommitted', parallelism: 1, retry: { maxAttempts: 3, backoffMs: 1000, backoffMultiplier: 1, retryTopicIds: [] } });
    expect(d.topics[0]!.kind).toBe('events');
    expect(d.layout).toEqual({ positions: {} });
    expect(d.connectors).toEqual([]);
  });
});
