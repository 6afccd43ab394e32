import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import { lintDesign } from './lint-design';
import { topicHasSchemaRule } from './schema-rule';

const run = (topics: Parameters<typeof topic>[], withSchema = true) =>
  lintDesign(design({ topics: topics.map((args) => topic(...args)), schemas: withSchema ? [schemaFor('orders')] : [] }), { rules: [topicHasSchemaRule] }).map((f) => f.elementId);

describe('topic-has-schema', () => {
  it('accepts topics with a schema, and retry/dlq topics whose source has one', () => {
    expect(run([['orders'], ['orders-dlq', { kind: 'dlq', sourceTopicId: 'orders', valueSchemaId: undefined }]])).toEqual([]);
  });

  it.each([
    ['a topic without a schema', [['orders', { valueSchemaId: undefined }]], ['orders']],
    ['a dlq whose source has none', [['orders', { valueSchemaId: undefined }], ['orders-dlq', { kind: 'dlq', sourceTopicId: 'orders', valueSchemaId: undefined }]], ['orders', 'orders-dlq']],
  ] as const)('reports %s', (_, topics, expected) => expect(run(topics as unknown as Parameters<typeof topic>[])).toEqual(expected));

  it('treats a dangling schema reference as missing', () => {
    expect(run([['orders']], false)).toEqual(['orders']);
  });
});
