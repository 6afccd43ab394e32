import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from '../fixtures';
import { exactlyOnceConsumerRule, exactlyOnceProducerRule, idempotenceAcksRule } from './exactly-once-rules';
import { lintDesign } from './lint-design';

const run = (edge: Record<string, unknown>) =>
  lintDesign(
    design({
      services: [{ id: 'svc', name: 'Projector', role: 'both' }],
      topics: [topic('orders')],
      schemas: [schemaFor('orders')],
      edges: [{ id: 'e', serviceId: 'svc', topicId: 'orders', ...edge } as never],
    }),
    { rules: [exactlyOnceProducerRule, idempotenceAcksRule, exactlyOnceConsumerRule] },
  ).map((f) => `${f.ruleId}: ${f.message}`);

describe('exactly-once rules', () => {
  it.each([
    ['an at-least-once producer (defaults)', { kind: 'produces' }],
    ['an exactly-once producer with idempotence and transactions', { kind: 'produces', delivery: 'exactly-once', transactional: true }],
    ['an at-most-once producer without idempotence', { kind: 'produces', delivery: 'at-most-once', idempotence: false, acks: '0' }],
    ['an exactly-once consumer reading committed', { kind: 'consumes', consumerGroup: 'g', delivery: 'exactly-once', isolationLevel: 'read_committed' }],
  ])('accept %s', (_, edge) => expect(run(edge)).toEqual([]));

  it.each([
    ['no transactions', { kind: 'produces', delivery: 'exactly-once' }, ['exactly-once-producer: Service "Projector" produces to "orders" exactly-once but without transactions (a transactional.id): retries can duplicate records and a crash can leave half a batch visible.']],
    [
      'neither',
      { kind: 'produces', delivery: 'exactly-once', idempotence: false },
      ['exactly-once-producer: Service "Projector" produces to "orders" exactly-once but without idempotence (enable.idempotence=true) and transactions (a transactional.id): retries can duplicate records and a crash can leave half a batch visible.'],
    ],
    ['idempotence with acks=1', { kind: 'produces', acks: '1' }, ['idempotence-needs-acks-all: Service "Projector" produces to "orders" idempotently with acks=1; the Kafka client refuses that combination at startup.']],
    ['an exactly-once consumer reading uncommitted', { kind: 'consumes', consumerGroup: 'g', delivery: 'exactly-once' }, ['exactly-once-consumer: Consumer group "g" reads "orders" exactly-once but with isolation.level=read_uncommitted: it sees records of aborted transactions.']],
  ])('report %s', (_, edge, expected) => expect(run(edge)).toEqual(expected));
});
