import { defineTemplate, DEV_ENVIRONMENT, DURABLE, json, PROD_ENVIRONMENT } from './template-types';

const orderEvent = {
  type: 'record',
  name: 'OrderEvent',
  namespace: 'com.example.orders',
  doc: 'The write model: every change to an order, kept forever.',
  fields: [
    { name: 'eventId', type: 'string' },
    { name: 'orderId', type: 'string' },
    { name: 'sequence', type: 'long', doc: 'Position of the event in its order’s history.' },
    { name: 'type', type: { type: 'enum', name: 'OrderEventType', symbols: ['PLACED', 'LINE_ADDED', 'PAID', 'SHIPPED', 'CANCELLED', 'UNKNOWN'], default: 'UNKNOWN' } },
    { name: 'payload', type: 'string', doc: 'Event-specific JSON.' },
    { name: 'occurredAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};

const orderSummary = {
  type: 'record',
  name: 'OrderSummary',
  namespace: 'com.example.orders.read',
  doc: 'The read model: the current state of one order.',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'status', type: 'string' },
    { name: 'totalCents', type: 'long' },
    { name: 'lineCount', type: 'int' },
    { name: 'lastSequence', type: 'long', doc: 'Lets the sink ignore stale updates.' },
  ],
};

const durable = { replicationFactor: DURABLE.replicationFactor, configs: { ...DURABLE.minInsync } };

export const cqrsReadModelTemplate = defineTemplate({
  id: 'cqrs-read-model',
  title: 'CQRS read model',
  summary: 'Commands append events to an event log; a projector folds them into a compacted summary topic exactly-once; a JDBC sink and a query API serve reads.',
  expectedWarnings: [],
  document: {
    version: 1,
    name: 'CQRS read model',
    description: 'Writes and reads scale apart: the event log is the truth, the read model is rebuildable from it.',
    services: [
      { id: 'order-command-api', name: 'Order command API', role: 'producer', language: 'kotlin' },
      { id: 'order-projector', name: 'Order projector', role: 'both', language: 'java', description: 'Consume-transform-produce in one Kafka transaction (Kafka Streams with processing.guarantee=exactly_once_v2).' },
      { id: 'order-query-api', name: 'Order query API', role: 'consumer', language: 'typescript', description: 'Serves reads from the read database; keeps a hot cache from the summary topic.' },
    ],
    topics: [
      {
        id: 'order-events',
        name: 'order-events',
        partitions: 12,
        ...durable,
        // The event log is the source of truth: never delete by age.
        configs: { ...durable.configs, 'retention.ms': '-1' },
        key: { meaning: 'orderId: an order’s events are folded in sequence.' },
        valueSchemaId: 'order-event',
      },
      {
        id: 'order-summaries',
        name: 'order-summaries',
        partitions: 12,
        ...durable,
        configs: { ...durable.configs, 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '3600000' },
        key: { meaning: 'orderId: compaction keeps the latest summary of each order, so the read model can be rebuilt from this topic alone.' },
        valueSchemaId: 'order-summary',
      },
    ],
    schemas: [
      { id: 'order-event', subject: 'order-events-value', format: 'AVRO', compatibility: 'BACKWARD_TRANSITIVE', definition: json(orderEvent), description: 'Transitive: a rebuilt projection reads events written under every earlier version.' },
      { id: 'order-summary', subject: 'order-summaries-value', format: 'AVRO', compatibility: 'BACKWARD', definition: json(orderSummary) },
    ],
    connectors: [
      {
        id: 'read-model-sink',
        name: 'order-summaries-jdbc',
        direction: 'sink',
        connectorClass: 'io.confluent.connect.jdbc.JdbcSinkConnector',
        topicIds: ['order-summaries'],
        config: {
          'connection.url': 'jdbc:postgresql://read-db:5432/orders',
          'connection.user': 'read_model',
          'connection.password': '${file:/opt/kafka/secrets/read-db.properties:password}',
          'insert.mode': 'upsert',
          'pk.mode': 'record_key',
          'pk.fields': 'order_id',
          'delete.enabled': 'true',
          'consumer.override.isolation.level': 'read_committed',
        },
      },
    ],
    edges: [
      { id: 'order-command-api-produces-order-events', kind: 'produces', serviceId: 'order-command-api', topicId: 'order-events' },
      { id: 'order-projector-consumes-order-events', kind: 'consumes', serviceId: 'order-projector', topicId: 'order-events', consumerGroup: 'order-projector', delivery: 'exactly-once', isolationLevel: 'read_committed', parallelism: 6 },
      { id: 'order-projector-produces-order-summaries', kind: 'produces', serviceId: 'order-projector', topicId: 'order-summaries', delivery: 'exactly-once', idempotence: true, transactional: true },
      { id: 'order-query-api-consumes-order-summaries', kind: 'consumes', serviceId: 'order-query-api', topicId: 'order-summaries', consumerGroup: 'order-query-api-cache', isolationLevel: 'read_committed', parallelism: 3 },
    ],
    notes: [
      { id: 'note-rebuild', text: 'To rebuild the read model: reset the order-projector group to the earliest offset and replay order-events into a new summary topic, then switch the sink.', attachedTo: 'order-projector' },
      { id: 'note-eos', text: 'Exactly-once covers Kafka to Kafka. The JDBC sink is at-least-once; upserts keyed by orderId make its retries harmless.', attachedTo: 'read-model-sink' },
    ],
    environments: [DEV_ENVIRONMENT, PROD_ENVIRONMENT],
  },
});
