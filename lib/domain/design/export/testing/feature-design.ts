import { design } from '../../fixtures';

/**
 * A design that uses what the templates do not: Protobuf, a key schema, schema references, a
 * topic without a schema, a topic name Kubernetes and Terraform cannot use as an identifier,
 * configs the AsyncAPI binding cannot type, non-default producer/consumer settings, a service
 * without edges, and text that needs escaping in every output format.
 */
export const featureDesign = design({
  name: 'Feature design: "quotes", ${braces} & \'apostrophes\'',
  description: 'Exercises every mapping.\nSecond line.',
  services: [
    { id: 'billing', name: 'Billing', role: 'both', language: 'kotlin', owner: 'payments-team', description: 'Charges ${customer}.' },
    { id: 'ledger.v2', name: 'Ledger v2', role: 'consumer', language: 'go' },
    { id: 'idle', name: 'Idle service', role: 'producer' },
  ],
  topics: [
    {
      id: 'payments',
      name: 'Payments.Events_v1',
      partitions: 12,
      replicationFactor: 3,
      configs: { 'min.insync.replicas': '2', 'cleanup.policy': 'compact,delete', 'retention.ms': '604800000', 'message.timestamp.type': 'LogAppendTime' },
      key: { meaning: 'paymentId, as the Avro key schema says.', schemaId: 'payment-key' },
      valueSchemaId: 'payment',
      owner: 'payments-team',
      description: 'Every payment state change.',
    },
    { id: 'audit', name: 'audit', partitions: 1, replicationFactor: 3, configs: { 'retention.ms': 'forever', 'retention.bytes': '-1' }, key: { meaning: 'none in particular' } },
    { id: 'raw', name: 'raw', partitions: 2, replicationFactor: 2, configs: {} },
    { id: 'ledger-entries', name: 'ledger-entries', partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2' }, valueSchemaId: 'ledger-entry' },
    { id: 'payments-retry', name: 'Payments.Events_v1.retry', kind: 'retry', sourceTopicId: 'payments', retryDelayMs: 30_000, partitions: 12, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } },
    { id: 'payments-dlq', name: 'Payments.Events_v1.dlq', kind: 'dlq', sourceTopicId: 'payments', partitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } },
  ],
  schemas: [
    { id: 'payment-key', subject: 'Payments.Events_v1-key', format: 'AVRO', definition: '{\n  "type": "string"\n}' },
    {
      id: 'money',
      subject: 'com.example.Money',
      format: 'AVRO',
      compatibility: 'FULL',
      definition: JSON.stringify({ type: 'record', name: 'Money', namespace: 'com.example', fields: [{ name: 'cents', type: 'long' }, { name: 'currency', type: 'string' }] }, null, 2),
    },
    {
      id: 'payment',
      subject: 'Payments.Events_v1-value',
      format: 'AVRO',
      compatibility: 'BACKWARD_TRANSITIVE',
      references: [{ name: 'com.example.Money', subject: 'com.example.Money', version: 1 }],
      definition: JSON.stringify({ type: 'record', name: 'Payment', namespace: 'com.example', fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'com.example.Money' }] }, null, 2),
      description: 'References Money by name.',
    },
    {
      id: 'ledger-entry',
      subject: 'ledger-entries-value',
      format: 'PROTOBUF',
      definition: 'syntax = "proto3";\npackage ledger;\n\nmessage LedgerEntry {\n  string id = 1;\n  int64 cents = 2;\n  // "${not a template}" %{ nor this }\n}\n',
    },
  ],
  edges: [
    { id: 'billing-produces-payments', kind: 'produces', serviceId: 'billing', topicId: 'payments', delivery: 'exactly-once', transactional: true, acks: 'all', description: 'Inside a transaction with the ledger write.' },
    {
      id: 'ledger-consumes-payments',
      kind: 'consumes',
      serviceId: 'ledger.v2',
      topicId: 'payments',
      consumerGroup: 'ledger.v2',
      isolationLevel: 'read_committed',
      delivery: 'exactly-once',
      parallelism: 12,
      retry: { maxAttempts: 3, backoffMs: 30_000, retryTopicIds: ['payments-retry'], dlqTopicId: 'payments-dlq' },
    },
    { id: 'ledger-produces-entries', kind: 'produces', serviceId: 'ledger.v2', topicId: 'ledger-entries', acks: '1', idempotence: false, delivery: 'at-most-once' },
    { id: 'billing-consumes-entries', kind: 'consumes', serviceId: 'billing', topicId: 'ledger-entries', consumerGroup: 'billing-ledger-view' },
    { id: 'billing-produces-audit', kind: 'produces', serviceId: 'billing', topicId: 'audit' },
    { id: 'billing-produces-raw', kind: 'produces', serviceId: 'billing', topicId: 'raw' },
  ],
});
