import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from './fixtures';
import { designProblems } from './validate';

const services = [
  { id: 'shop', name: 'Shop', role: 'producer' as const },
  { id: 'billing', name: 'Billing', role: 'consumer' as const },
];
const clean = { services, topics: [topic('orders')], schemas: [schemaFor('orders')] };
const messages = (input: Parameters<typeof design>[0]) => designProblems(design(input)).map((p) => p.message);

describe('designProblems', () => {
  it('finds nothing in a consistent design', () => {
    expect(designProblems(design(clean))).toEqual([]);
  });

  it.each([
    ['an id used twice across kinds', { ...clean, services: [...services, { id: 'orders', name: 'X', role: 'both' as const }] }, 'Topic id "orders" is already used by a service; ids must be unique across the design.'],
    ['a topic name used twice', { ...clean, topics: [topic('orders'), topic('orders2', { name: 'orders', valueSchemaId: 'orders-value' })] }, 'Topic "orders" appears twice; give each topic its own name.'],
    ['names colliding on . and _', { ...clean, topics: [topic('a', { name: 'task.events', valueSchemaId: undefined }), topic('b', { name: 'task_events', valueSchemaId: undefined })] }, 'Topic "task_events" collides with "task.events": Kafka treats "." and "_" alike in metric names and refuses the second one. Rename one of them.'],
    ['a misspelt config', { ...clean, topics: [topic('orders', { configs: { 'retention.m': '1' } })] }, 'Topic "orders": "retention.m" is not a topic config; did you mean "retention.ms"?'],
    ['a bad config value', { ...clean, topics: [topic('orders', { configs: { 'cleanup.policy': 'forever' } })] }, 'Topic "orders": cleanup.policy takes delete and/or compact (comma-separated); "forever" is not allowed.'],
    ['a retry topic without source', { ...clean, topics: [topic('orders'), topic('orders-retry', { kind: 'retry', valueSchemaId: undefined })] }, 'Topic "orders-retry" is a retry topic; name the topic whose records it holds in sourceTopicId.'],
    ['a dlq topic that is its own source', { ...clean, topics: [topic('orders'), topic('dlq', { kind: 'dlq', sourceTopicId: 'dlq', valueSchemaId: undefined })] }, 'Topic "dlq" names "dlq" as its source, which is not another topic in this design.'],
    ['an events topic with a source', { ...clean, topics: [topic('orders'), topic('copy', { sourceTopicId: 'orders', valueSchemaId: undefined })] }, 'Topic "copy" is an events topic; only retry and dlq topics have a source topic.'],
    ['a retry delay on a dlq', { ...clean, topics: [topic('orders'), topic('dlq', { kind: 'dlq', sourceTopicId: 'orders', retryDelayMs: 5, valueSchemaId: undefined })] }, 'Topic "dlq" has a retry delay but is not a retry topic.'],
    ['a missing value schema', { ...clean, schemas: [] }, 'Topic "orders" uses schema "orders-value", which is not in this design.'],
    ['a missing key schema', { ...clean, topics: [topic('orders', { key: { meaning: 'id', schemaId: 'nope' } })] }, 'Topic "orders" keys on schema "nope", which is not in this design.'],
    ['a subject described twice', { ...clean, schemas: [schemaFor('orders'), { ...schemaFor('orders'), id: 'again' }] }, 'Subject "orders-value" is described twice; merge the two schemas.'],
    ['an Avro definition that is not JSON', { ...clean, schemas: [schemaFor('orders', '{type: record')] }, 'Schema "orders-value" is Avro, so its definition must be JSON; it does not parse.'],
    ['an edge from nowhere', { ...clean, edges: [{ id: 'e', kind: 'produces' as const, serviceId: 'ghost', topicId: 'orders' }] }, 'Edge "e" starts at "ghost", which is not a service in this design.'],
    ['an edge to nowhere', { ...clean, edges: [{ id: 'e', kind: 'produces' as const, serviceId: 'shop', topicId: 'ghost' }] }, 'Edge "e" points at "ghost", which is not a topic in this design.'],
    ['a consumer that produces', { ...clean, edges: [{ id: 'e', kind: 'produces' as const, serviceId: 'billing', topicId: 'orders' }] }, 'Service "Billing" is a consumer but edge "e" has it produce; make its role "both".'],
    ['a producer that consumes', { ...clean, edges: [{ id: 'e', kind: 'consumes' as const, serviceId: 'shop', topicId: 'orders', consumerGroup: 'g' }] }, 'Service "Shop" is a producer but edge "e" has it consume; make its role "both".'],
    ['retries through an events topic', { ...clean, edges: [{ id: 'e', kind: 'consumes' as const, serviceId: 'billing', topicId: 'orders', consumerGroup: 'g', retry: { maxAttempts: 2, retryTopicIds: ['orders'] } }] }, 'Edge "e" retries through "orders", which is not a retry topic in this design.'],
    ['a dead letter to an events topic', { ...clean, edges: [{ id: 'e', kind: 'consumes' as const, serviceId: 'billing', topicId: 'orders', consumerGroup: 'g', retry: { maxAttempts: 2, dlqTopicId: 'orders' } }] }, 'Edge "e" dead-letters to "orders", which is not a dlq topic in this design.'],
    ['a connector on a missing topic', { ...clean, connectors: [{ id: 'c', name: 'cdc', direction: 'source' as const, connectorClass: 'X', topicIds: ['ghost'] }] }, 'Connector "cdc" lists "ghost", which is not a topic in this design.'],
    ['a note on nothing', { ...clean, notes: [{ id: 'n', text: 'hi', attachedTo: 'ghost' }] }, 'Note "n" is attached to "ghost", which is not in this design.'],
    ['an environment twice', { ...clean, environments: [{ name: 'dev' }, { name: 'dev' }] }, 'Environment "dev" is defined twice.'],
    ['an override of a missing topic', { ...clean, environments: [{ name: 'dev', topics: { ghost: { partitions: 1 } } }] }, 'Environment "dev" overrides "ghost", which is not a topic in this design.'],
    ['a bad default config', { ...clean, environments: [{ name: 'dev', topicDefaults: { configs: { 'min.insync.replicas': '0' } } }] }, 'Environment "dev": min.insync.replicas must be at least 1; 0 is too small.'],
    ['removing an unknown key', { ...clean, environments: [{ name: 'dev', topics: { orders: { configs: { 'retention.msec': null } } } }] }, 'Environment "dev", topic "orders": "retention.msec" is not a topic config; did you mean "retention.ms"?'],
  ])('reports %s', (_, input, message) => {
    expect(messages(input)).toEqual([message]);
  });

  it('points at the field and the element', () => {
    const [problem] = designProblems(design({ ...clean, topics: [topic('orders', { configs: { 'retention.m': '1' } })] }));
    expect(problem).toMatchObject({ path: ['topics', 0, 'configs', 'retention.m'], elementId: 'orders' });
  });

  it('accepts removing a known key and Protobuf definitions that are not JSON', () => {
    expect(
      messages({
        ...clean,
        schemas: [{ ...schemaFor('orders'), format: 'PROTOBUF', definition: 'syntax = "proto3"; message Order { string id = 1; }' }],
        environments: [{ name: 'dev', topics: { orders: { configs: { 'min.insync.replicas': null } } } }],
      }),
    ).toEqual([]);
  });
});
