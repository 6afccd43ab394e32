import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import { lintDesign } from './lint-design';
import { retryNeedsDlqRule } from './retry-rules';

const run = (retry: object | undefined) =>
  lintDesign(
    design({
      services: [{ id: 'billing', name: 'Billing', role: 'consumer' }],
      topics: [topic('orders'), topic('orders-retry', { kind: 'retry', sourceTopicId: 'orders', valueSchemaId: undefined }), topic('orders-dlq', { kind: 'dlq', sourceTopicId: 'orders', valueSchemaId: undefined })],
      schemas: [schemaFor('orders')],
      edges: [{ id: 'billing-orders', kind: 'consumes', serviceId: 'billing', topicId: 'orders', consumerGroup: 'billing', retry: retry as never }],
    }),
    { rules: [retryNeedsDlqRule] },
  ).map((f) => `${f.elementId}: ${f.message}`);

describe('retry-needs-dlq', () => {
  it.each([
    ['no retry policy', undefined],
    ['a single attempt', { maxAttempts: 1 }],
    ['blocking retries with a DLQ', { maxAttempts: 3, dlqTopicId: 'orders-dlq' }],
    ['retry topics with a DLQ', { maxAttempts: 2, retryTopicIds: ['orders-retry'], dlqTopicId: 'orders-dlq' }],
  ])('accepts %s', (_, retry) => expect(run(retry)).toEqual([]));

  it.each([
    ['blocking retries', { maxAttempts: 3 }],
    ['a retry topic', { maxAttempts: 1, retryTopicIds: ['orders-retry'] }],
  ])('reports %s without a DLQ', (_, retry) => {
    expect(run(retry)).toEqual(['billing-orders: Service "Billing" retries records from "orders" (group "billing") but has no dead-letter topic: a record that fails every attempt is dropped or blocks the partition.']);
  });
});
