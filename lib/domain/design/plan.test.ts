import { describe, expect, it } from 'vitest';
import { design, schemaFor, topic } from './fixtures';
import { EMPTY_LIVE_STATE, type LiveState } from './live-state';
import { planChanges, sameConfigValue, sameDefinition, type PlanStep } from './plan';
import { simulateApply } from './simulate-apply';
import { DESIGN_TEMPLATES } from './templates';

const orders = design({
  topics: [topic('orders', { partitions: 6, configs: { 'min.insync.replicas': '2', 'cleanup.policy': 'compact,delete' } }), topic('payments', { valueSchemaId: undefined })],
  schemas: [{ ...schemaFor('orders', '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"}]}'), compatibility: 'BACKWARD' }],
  environments: [{ name: 'dev', topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': '1' } } }],
});
const summary = (steps: PlanStep[]) => steps.map((s) => `${s.id} <- [${s.dependsOn.join(', ')}]`);

describe('planChanges against an empty cluster', () => {
  const plan = planChanges(orders, EMPTY_LIVE_STATE);

  it('creates topics, then sets compatibility, then registers, each after its topic', () => {
    expect(summary(plan.steps)).toEqual([
      'create-topic:orders <- []',
      'create-topic:payments <- []',
      'set-compatibility:orders-value <- [create-topic:orders]',
      'register-schema:orders-value <- [create-topic:orders, set-compatibility:orders-value]',
    ]);
    expect(plan).toMatchObject({ environment: null, withheld: [], impossible: [] });
  });

  it('describes each step for a person', () => {
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Create topic "orders" with 6 partitions, replication factor 3 and min.insync.replicas=2, cleanup.policy=compact,delete.',
      'Create topic "payments" with 3 partitions, replication factor 3 and min.insync.replicas=2.',
      'Set compatibility of subject "orders-value" to BACKWARD (now the registry default).',
      'Register the Avro schema of subject "orders-value" (first version).',
    ]);
    expect(plan.steps[0]).toMatchObject({ kind: 'create-topic', elementId: 'orders', destructive: false, partitions: 6, replicationFactor: 3, configs: { 'min.insync.replicas': '2', 'cleanup.policy': 'compact,delete' } });
  });

  it('plans the chosen environment', () => {
    const dev = planChanges(orders, EMPTY_LIVE_STATE, { environment: 'dev' });
    expect(dev.environment).toBe('dev');
    expect(dev.steps[0]).toMatchObject({ replicationFactor: 1, configs: { 'min.insync.replicas': '1', 'cleanup.policy': 'compact,delete' } });
  });

  it('refuses replication above the broker count instead of planning a failing step', () => {
    const p = planChanges(orders, { ...EMPTY_LIVE_STATE, brokerCount: 1 });
    expect(p.steps.map((s) => s.id)).toEqual(['set-compatibility:orders-value', 'register-schema:orders-value']);
    expect(p.steps[1]!.dependsOn).toEqual(['set-compatibility:orders-value']);
    expect(p.impossible.map((i) => i.message)).toEqual(['Topic "orders" needs 3 replicas but the cluster has 1 broker.', 'Topic "payments" needs 3 replicas but the cluster has 1 broker.']);
  });
});

describe('planChanges against a drifted cluster', () => {
  const live: LiveState = {
    topics: [
      { name: 'orders', partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '1', 'cleanup.policy': 'delete, compact', 'retention.ms': '1000' } },
      { name: 'payments', partitions: 5, replicationFactor: 2, configs: { 'min.insync.replicas': '2' } },
      { name: 'legacy', partitions: 1, replicationFactor: 1, configs: {} },
      { name: '__consumer_offsets', partitions: 50, replicationFactor: 3, configs: {} },
      { name: '_schemas', partitions: 1, replicationFactor: 3, configs: {} },
      { name: 'connect-offsets', partitions: 25, replicationFactor: 3, configs: {} },
    ],
    subjects: [{ subject: 'orders-value', latest: { version: 4, format: 'AVRO', definition: '{"name":"Order","type":"record","fields":[{"name":"id","type":"long"}]}' }, compatibility: 'BACKWARD' }],
  };
  const plan = planChanges(orders, live);

  it('grows partitions and changes only the configs the design sets', () => {
    expect(summary(plan.steps)).toEqual(['add-partitions:orders <- []', 'alter-configs:orders <- []', 'register-schema:orders-value <- []']);
    expect(plan.steps[1]).toMatchObject({ set: { 'min.insync.replicas': '2' }, changes: [{ key: 'min.insync.replicas', from: '1', to: '2' }] });
    expect(plan.steps.map((s) => s.description)).toEqual([
      'Add partitions to "orders": 3 → 6. The topic is keyed: new records of a key may go to a different partition than its older ones.',
      'Change configs of "orders": min.insync.replicas 1 → 2.',
      'Register a new version of subject "orders-value" after version 4.',
    ]);
  });

  it('explains what it cannot do', () => {
    expect(plan.impossible).toEqual([
      {
        id: 'impossible:partitions:payments',
        elementId: 'payments',
        message: 'Topic "payments" has 5 partitions and the design asks for 3; partitions can only grow.',
        fix: 'Set 5 partitions in the design, or create a new topic with 3 partitions and migrate to it.',
      },
      {
        id: 'impossible:replication-factor:payments',
        elementId: 'payments',
        message: 'Topic "payments" has replication factor 2 and the design asks for 3; changing it needs a partition reassignment, which this plan does not do.',
        fix: 'Reassign the partitions of "payments" (kafka-reassign-partitions.sh or Cruise Control), or set replication factor 2 in the design.',
      },
    ]);
  });

  it('withholds destructive changes and leaves internal topics alone', () => {
    expect(plan.withheld.map((s) => [s.id, s.description])).toEqual([
      ['reset-config:orders:retention.ms', 'Reset retention.ms of "orders" to the broker default (now 1000): the design does not set it.'],
      ['delete-topic:legacy', 'Delete topic "legacy" and all its records: it is not in the design.'],
    ]);
  });

  it('includes destructive steps chosen by id, deletions last', () => {
    const p = planChanges(orders, live, { include: ['delete-topic:legacy', 'reset-config:orders:retention.ms'] });
    expect(p.steps.map((s) => s.id)).toEqual(['add-partitions:orders', 'alter-configs:orders', 'reset-config:orders:retention.ms', 'register-schema:orders-value', 'delete-topic:legacy']);
    expect(p.steps.filter((s) => s.destructive).length).toBe(2);
    expect(p.withheld).toEqual([]);
  });

  it('gives the same ids every time', () => {
    expect(planChanges(orders, live).steps.map((s) => s.id)).toEqual(plan.steps.map((s) => s.id));
  });
});

describe('schema steps', () => {
  const withSchemas = (schemas: NonNullable<Parameters<typeof design>[0]>['schemas']) => design({ schemas });
  const subject = (name: string, definition: string, format: 'AVRO' | 'JSON' | 'PROTOBUF' = 'AVRO') => ({ subject: name, latest: { version: 1, format, definition }, compatibility: null });

  it('skips a subject whose latest version only differs in formatting and key order', () => {
    const d = withSchemas([{ id: 's', subject: 's', format: 'JSON', definition: '{"type":"object","title":"T"}' }]);
    expect(planChanges(d, { topics: [], subjects: [subject('s', '{ "title": "T",\n  "type": "object" }', 'JSON')] }).steps).toEqual([]);
  });

  it('registers when the format changes, saying so', () => {
    const d = withSchemas([{ id: 's', subject: 's', format: 'JSON', definition: '{"type":"string"}' }]);
    expect(planChanges(d, { topics: [], subjects: [subject('s', '{"type":"string"}')] }).steps.map((s) => s.description)).toEqual([
      'Register a new version of subject "s" after version 1, changing its format from Avro to JSON Schema.',
    ]);
  });

  it('registers referenced subjects first', () => {
    const d = withSchemas([
      { id: 'order', subject: 'order-value', format: 'AVRO', definition: '{"type":"record","name":"Order","fields":[{"name":"a","type":"Address"}]}', references: [{ name: 'Address', subject: 'address', version: 1 }] },
      { id: 'address', subject: 'address', format: 'AVRO', definition: '{"type":"record","name":"Address","fields":[]}' },
    ]);
    expect(summary(planChanges(d, EMPTY_LIVE_STATE).steps)).toEqual(['register-schema:address <- []', 'register-schema:order-value <- [register-schema:address]']);
  });

  it('sets compatibility only when the design names a level that differs', () => {
    const d = withSchemas([{ id: 's', subject: 's', format: 'AVRO', definition: '"string"', compatibility: 'FULL' }]);
    expect(planChanges(d, { topics: [], subjects: [{ ...subject('s', '"string"'), compatibility: 'FULL' }] }).steps).toEqual([]);
    expect(planChanges(d, { topics: [], subjects: [subject('s', '"string"')] }).steps.map((s) => s.description)).toEqual(['Set compatibility of subject "s" to FULL (now the registry default).']);
  });
});

describe('value comparison', () => {
  it.each([
    ['cleanup.policy', 'delete, compact', 'compact,delete', true],
    ['cleanup.policy', 'delete', 'compact', false],
    ['min.cleanable.dirty.ratio', '0.50', '0.5', true],
    ['retention.ms', '604800000', '604800000', true],
    ['retention.ms', '', '0', false],
    ['compression.type', ' zstd', 'zstd', true],
    ['retention.ms', undefined, '1', false],
  ])('%s: %j vs %j → %s', (key, current, wanted, same) => expect(sameConfigValue(key, current, wanted)).toBe(same));

  it.each([
    ['AVRO', '{"type":"record","name":"A","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]}', '{"name":"A","type":"record","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]}', true],
    ['AVRO', '{"type":"record","name":"A","fields":[{"name":"x","type":"int"},{"name":"y","type":"int"}]}', '{"type":"record","name":"A","fields":[{"name":"y","type":"int"},{"name":"x","type":"int"}]}', false],
    ['PROTOBUF', 'message A {\n  int32 x = 1;\n}', 'message A { int64 x = 1; }', false],
    ['PROTOBUF', 'message A {\n  int32 x = 1;\n}', 'message A {  int32 x = 1;  }', true],
    ['JSON', 'not json', 'not json', true],
  ] as const)('%s definitions compare by meaning (%#)', (format, a, b, same) => expect(sameDefinition(format, a, b)).toBe(same));
});

describe('plans are idempotent', () => {
  const drifted: LiveState = {
    topics: [
      { name: 'task-events', partitions: 2, replicationFactor: 3, configs: { 'retention.ms': '1' } },
      { name: 'orders', partitions: 1, replicationFactor: 3, configs: { 'segment.ms': '60000' } },
      { name: 'stray', partitions: 1, replicationFactor: 1, configs: {} },
    ],
    subjects: [
      { subject: 'task-events-value', latest: { version: 2, format: 'AVRO', definition: '"string"' }, compatibility: 'NONE' },
      { subject: 'orders-value', latest: null, compatibility: 'FULL' },
    ],
  };
  const cases = DESIGN_TEMPLATES.flatMap((t) =>
    [null, ...t.document.environments.map((e) => e.name)].flatMap((env) => [
      [t.id, env, 'empty', EMPTY_LIVE_STATE],
      [t.id, env, 'drifted', drifted],
    ]),
  ) as [string, string | null, string, LiveState][];

  it.each(cases)('%s (%s) from a %s cluster: applying the plan leaves nothing to do', (id, environment, _, live) => {
    const template = DESIGN_TEMPLATES.find((t) => t.id === id)!.document;
    const first = planChanges(template, live, { environment });
    expect(first.steps.length).toBeGreaterThan(0);
    const after = simulateApply(live, first.steps);
    const second = planChanges(template, after, { environment });
    expect(second.steps).toEqual([]);
    expect(second.withheld.map((s) => s.id)).toEqual(first.withheld.map((s) => s.id));

    const everything = planChanges(template, live, { environment, include: first.withheld.map((s) => s.id) });
    const cleaned = planChanges(template, simulateApply(live, everything.steps), { environment });
    expect(cleaned).toMatchObject({ steps: [], withheld: [] });
  });

  it('gives every step a unique id', () => {
    for (const t of DESIGN_TEMPLATES) {
      const ids = planChanges(t.document, drifted, { include: ['delete-topic:stray'] }).steps.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('simulateApply', () => {
  const create: PlanStep = { kind: 'create-topic', id: 'create-topic:a', description: '', elementId: 'a', dependsOn: [], destructive: false, topic: 'a', partitions: 1, replicationFactor: 1, configs: { 'retention.ms': '1' } };

  it('applies every kind of step without touching its input', () => {
    const state: LiveState = { topics: [{ name: 'old', partitions: 1, replicationFactor: 1, configs: { 'segment.ms': '1' } }], subjects: [] };
    const before = structuredClone(state);
    const after = simulateApply(state, [
      create,
      { kind: 'add-partitions', id: 'p', description: '', elementId: 'a', dependsOn: ['create-topic:a'], destructive: false, topic: 'a', from: 1, to: 4 },
      { kind: 'alter-configs', id: 'c', description: '', elementId: 'a', dependsOn: [], destructive: false, topic: 'a', set: { 'retention.ms': '2' }, changes: [] },
      { kind: 'reset-config', id: 'r', description: '', elementId: null, dependsOn: [], destructive: true, topic: 'old', key: 'segment.ms', from: '1' },
      { kind: 'set-compatibility', id: 's', description: '', elementId: null, dependsOn: [], destructive: false, subject: 'a-value', from: null, to: 'FULL' },
      { kind: 'register-schema', id: 'g', description: '', elementId: null, dependsOn: ['s'], destructive: false, subject: 'a-value', format: 'AVRO', definition: '"int"', references: [] },
      { kind: 'delete-topic', id: 'd', description: '', elementId: null, dependsOn: [], destructive: true, topic: 'old' },
    ]);
    expect(after).toEqual({ topics: [{ name: 'a', partitions: 4, replicationFactor: 1, configs: { 'retention.ms': '2' } }], subjects: [{ subject: 'a-value', compatibility: 'FULL', latest: { version: 1, format: 'AVRO', definition: '"int"' } }] });
    expect(state).toEqual(before);
  });

  it.each([
    ['creating an existing topic', [create, create], 'Topic "a" already exists.'],
    ['a step before its dependency', [{ ...create, dependsOn: ['x'] }], 'Step "create-topic:a" runs before "x", which it depends on.'],
    ['altering a missing topic', [{ kind: 'alter-configs', id: 'c', description: '', elementId: null, dependsOn: [], destructive: false, topic: 'nope', set: {}, changes: [] }], 'Topic "nope" does not exist.'],
    ['shrinking partitions', [create, { kind: 'add-partitions', id: 'p', description: '', elementId: null, dependsOn: [], destructive: false, topic: 'a', from: 1, to: 1 }], 'Topic "a" has 1 partitions; cannot grow to 1.'],
  ] as [string, PlanStep[], string][])('fails like the cluster on %s', (_, steps, message) => {
    expect(() => simulateApply(EMPTY_LIVE_STATE, steps)).toThrow(message);
  });
});
