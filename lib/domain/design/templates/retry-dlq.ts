import { defineTemplate, DEV_ENVIRONMENT, DURABLE, json, PROD_ENVIRONMENT } from './template-types';

const orderPlaced = {
  type: 'record',
  name: 'OrderPlaced',
  namespace: 'com.example.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customerId', type: 'string' },
    { name: 'amountCents', type: 'long' },
    { name: 'currency', type: 'string', default: 'EUR' },
    { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};

const durable = { replicationFactor: DURABLE.replicationFactor, configs: { ...DURABLE.minInsync } };
const retryTopic = (n: number, delayMs: number) => ({
  id: `orders-retry-${n}`,
  name: `orders.retry-${n}`,
  kind: 'retry' as const,
  sourceTopicId: 'orders',
  retryDelayMs: delayMs,
  partitions: 6,
  ...durable,
  // Records only wait here for their delay; a day is ample and keeps the topic small.
  configs: { ...durable.configs, 'retention.ms': '86400000' },
});

export const retryDlqTemplate = defineTemplate({
  id: 'retry-dlq',
  title: 'Retry topics and a dead-letter topic',
  summary: 'Non-blocking retries with growing delays (5 s, 30 s, 5 min), then a dead-letter topic that a reprocessor replays once the cause is fixed.',
  expectedWarnings: [],
  document: {
    version: 1,
    name: 'Retry topics + DLQ',
    description: 'The pattern from Uber’s "Reliable Reprocessing" and Spring Kafka’s non-blocking retries: failures leave the main topic so healthy records keep flowing.',
    services: [
      { id: 'order-service', name: 'Order service', role: 'producer', language: 'java' },
      { id: 'payment-service', name: 'Payment service', role: 'consumer', language: 'java', description: 'Charges the customer; the payment provider is sometimes unavailable.' },
      { id: 'dlq-reprocessor', name: 'DLQ reprocessor', role: 'both', language: 'java', description: 'Operator-triggered: replays dead letters to the main topic after the cause is fixed.' },
    ],
    topics: [
      { id: 'orders', name: 'orders', partitions: 6, ...durable, key: { meaning: 'orderId: the events of one order stay in order.' }, valueSchemaId: 'order-placed' },
      retryTopic(1, 5_000),
      retryTopic(2, 30_000),
      retryTopic(3, 300_000),
      // Long retention: dead letters wait for a person.
      { id: 'orders-dlq', name: 'orders.dlq', kind: 'dlq', sourceTopicId: 'orders', partitions: 1, ...durable, configs: { ...durable.configs, 'retention.ms': '2592000000' } },
    ],
    schemas: [{ id: 'order-placed', subject: 'orders-value', format: 'AVRO', compatibility: 'BACKWARD', definition: json(orderPlaced) }],
    edges: [
      { id: 'order-service-produces-orders', kind: 'produces', serviceId: 'order-service', topicId: 'orders' },
      {
        id: 'payment-service-consumes-orders',
        kind: 'consumes',
        serviceId: 'payment-service',
        topicId: 'orders',
        consumerGroup: 'payment-service',
        parallelism: 6,
        retry: { maxAttempts: 4, backoffMs: 5_000, backoffMultiplier: 6, retryTopicIds: ['orders-retry-1', 'orders-retry-2', 'orders-retry-3'], dlqTopicId: 'orders-dlq' },
      },
      { id: 'dlq-reprocessor-consumes-orders-dlq', kind: 'consumes', serviceId: 'dlq-reprocessor', topicId: 'orders-dlq', consumerGroup: 'orders-dlq-reprocessor' },
      { id: 'dlq-reprocessor-produces-orders', kind: 'produces', serviceId: 'dlq-reprocessor', topicId: 'orders', description: 'Replays a dead letter unchanged, keeping its key.' },
    ],
    notes: [
      { id: 'note-order', text: 'A retried order can be overtaken by later events of the same order. Consumers that need per-key order must retry blocking, or park every later event of a failed key too.', attachedTo: 'payment-service-consumes-orders' },
      { id: 'note-headers', text: 'Each hop adds headers (original topic, partition, offset, exception, attempt) so the DLQ can be triaged without the logs.', attachedTo: 'orders-dlq' },
    ],
    environments: [DEV_ENVIRONMENT, PROD_ENVIRONMENT],
  },
});
