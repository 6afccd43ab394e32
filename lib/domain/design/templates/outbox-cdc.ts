import { defineTemplate, DEV_ENVIRONMENT, DURABLE, json, PROD_ENVIRONMENT } from './template-types';

const orderEvent = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'OrderEvent',
  description: 'The outbox row payload, routed by aggregatetype "order". The outbox id travels in the "id" header.',
  type: 'object',
  properties: {
    orderId: { type: 'string' },
    type: { type: 'string', enum: ['OrderCreated', 'OrderPaid', 'OrderCancelled'] },
    customerEmail: { type: 'string' },
    lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, quantity: { type: 'integer', minimum: 1 } }, required: ['sku', 'quantity'] } },
  },
  required: ['orderId', 'type'],
};

const durable = { replicationFactor: DURABLE.replicationFactor, configs: { ...DURABLE.minInsync } };

export const outboxCdcTemplate = defineTemplate({
  id: 'outbox-cdc',
  title: 'Transactional outbox with CDC',
  summary: 'The order service writes its change and an outbox row in one database transaction; Debezium captures the outbox table and routes each row to a Kafka topic, so the database and the events never disagree.',
  expectedWarnings: [],
  document: {
    version: 1,
    name: 'Transactional outbox (Debezium)',
    description: 'No dual writes: the service never talks to Kafka; the outbox table is the only way events leave.',
    services: [
      { id: 'order-service', name: 'Order service', role: 'producer', language: 'java', description: 'Writes orders and outbox rows in one transaction; has no Kafka producer.' },
      { id: 'shipping-service', name: 'Shipping service', role: 'consumer', language: 'go' },
      { id: 'email-service', name: 'E-mail service', role: 'consumer', language: 'python' },
    ],
    topics: [
      {
        id: 'order-events',
        name: 'outbox.event.order',
        partitions: 6,
        ...durable,
        configs: { ...durable.configs, 'retention.ms': '604800000' },
        key: { meaning: 'aggregateid (orderId), set by the EventRouter from the outbox row: the events of one order stay in order.' },
        valueSchemaId: 'order-event',
        description: 'Named by the EventRouter: outbox.event.<aggregatetype>.',
      },
      { id: 'order-events-dlq', name: 'outbox.event.order.dlq', kind: 'dlq', sourceTopicId: 'order-events', partitions: 1, ...durable, configs: { ...durable.configs, 'retention.ms': '1209600000' } },
    ],
    schemas: [{ id: 'order-event', subject: 'outbox.event.order-value', format: 'JSON', compatibility: 'BACKWARD', definition: json(orderEvent) }],
    connectors: [
      {
        id: 'outbox-connector',
        name: 'orders-outbox',
        direction: 'source',
        connectorClass: 'io.debezium.connector.postgresql.PostgresConnector',
        topicIds: ['order-events'],
        config: {
          'database.hostname': 'orders-db',
          'database.port': '5432',
          'database.user': 'debezium',
          'database.password': '${file:/opt/kafka/secrets/orders-db.properties:password}',
          'database.dbname': 'orders',
          'plugin.name': 'pgoutput',
          'topic.prefix': 'orders-db',
          'table.include.list': 'public.outbox',
          'tombstones.on.delete': 'false',
          transforms: 'outbox',
          'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
          'transforms.outbox.route.by.field': 'aggregatetype',
          'transforms.outbox.table.field.event.key': 'aggregateid',
          'transforms.outbox.table.expand.json.payload': 'true',
        },
        description: 'The password comes from a Connect config provider; secrets never sit in a design.',
      },
    ],
    edges: [
      {
        id: 'shipping-service-consumes-order-events',
        kind: 'consumes',
        serviceId: 'shipping-service',
        topicId: 'order-events',
        consumerGroup: 'shipping-service',
        parallelism: 3,
        retry: { maxAttempts: 5, backoffMs: 1_000, backoffMultiplier: 2, dlqTopicId: 'order-events-dlq' },
      },
      { id: 'email-service-consumes-order-events', kind: 'consumes', serviceId: 'email-service', topicId: 'order-events', consumerGroup: 'email-service', parallelism: 2 },
    ],
    notes: [
      { id: 'note-duplicates', text: 'CDC is at-least-once: after a connector restart some outbox rows are emitted again. Consumers deduplicate on the outbox id (the "id" header), e.g. in a processed-messages table.', attachedTo: 'order-events' },
      { id: 'note-cleanup', text: 'The service may delete outbox rows right after inserting them: Debezium reads the insert from the WAL, and tombstones.on.delete=false keeps the deletes out of Kafka.', attachedTo: 'outbox-connector' },
    ],
    environments: [DEV_ENVIRONMENT, PROD_ENVIRONMENT],
  },
});
