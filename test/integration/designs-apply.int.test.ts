import './setup-env';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsoleError } from '@/lib/domain/console-error';
import { designDocumentSchema, type DesignDocument } from '@/lib/domain/design/model';
import { disconnectAll } from '@/lib/kafka/client-pool';
import { applyStep, designPorts, planDesign, type DesignPorts } from '@/lib/kafka/design-operations';
import { designRegistry } from '@/lib/registry/design-registry';
import { designFromCluster } from '@/lib/domain/design/edit/import-cluster';
import { readClusterSnapshot } from '@/lib/kafka/design-cluster-snapshot';
import { rawKafka } from './helpers';

/**
 * Plan and apply against the real local cluster and Apicurio registry: apply everything, then the
 * plan is empty; a failure part-way, then applying again finishes the job.
 */
const REGISTRY = 'http://127.0.0.1:8081/apis/ccompat/v7';
const createdTopics: string[] = [];
const createdSubjects: string[] = [];

function uniqueDesign(label: string): DesignDocument {
  const p = `it-design-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  createdTopics.push(`${p}.orders`, `${p}.orders.dlq`);
  createdSubjects.push(`${p}.orders-value`);
  return designDocumentSchema.parse({
    version: 1,
    name: p,
    services: [
      { id: 'shop', name: 'Shop', role: 'producer' },
      { id: 'billing', name: 'Billing', role: 'consumer' },
    ],
    topics: [
      { id: 'orders', name: `${p}.orders`, partitions: 3, replicationFactor: 3, configs: { 'min.insync.replicas': '2', 'retention.ms': '86400000' }, key: { meaning: 'orderId' }, valueSchemaId: 'order' },
      { id: 'orders-dlq', name: `${p}.orders.dlq`, kind: 'dlq', sourceTopicId: 'orders', partitions: 1, replicationFactor: 3, configs: {} },
    ],
    schemas: [
      {
        id: 'order',
        subject: `${p}.orders-value`,
        format: 'AVRO',
        compatibility: 'FULL',
        definition: JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] }),
      },
    ],
    edges: [
      { id: 'shop-orders', kind: 'produces', serviceId: 'shop', topicId: 'orders' },
      { id: 'billing-orders', kind: 'consumes', serviceId: 'billing', topicId: 'orders', consumerGroup: `${p}-billing`, retry: { maxAttempts: 3, dlqTopicId: 'orders-dlq' } },
    ],
    environments: [{ name: 'dev', production: false, topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': '1' } } }],
  });
}

async function applyAll(ports: DesignPorts, design: DesignDocument) {
  const plan = await planDesign(ports, design, { environment: 'dev' });
  const outcomes = [];
  for (const step of plan.steps) outcomes.push(await applyStep(ports, design, { environment: 'dev', stepId: step.id }));
  return { plan, outcomes };
}

afterAll(async () => {
  const admin = rawKafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.deleteTopics({ topics: createdTopics.filter((t) => existing.has(t)) }).catch(() => undefined);
  await admin.disconnect();
  for (const s of createdSubjects) {
    await fetch(`${REGISTRY}/subjects/${encodeURIComponent(s)}`, { method: 'DELETE' }).catch(() => undefined);
    await fetch(`${REGISTRY}/subjects/${encodeURIComponent(s)}?permanent=true`, { method: 'DELETE' }).catch(() => undefined);
  }
  await disconnectAll();
});

describe('design plan and apply (real cluster and registry)', () => {
  it('applies every step; the second plan is empty and applying again changes nothing', async () => {
    const design = uniqueDesign('twice');
    const ports = designPorts('local');
    const { plan, outcomes } = await applyAll(ports, design);
    expect(plan.steps.map((s) => s.kind)).toEqual(['create-topic', 'create-topic', 'set-compatibility', 'register-schema']);
    expect(outcomes.map((o) => o.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);

    const second = await planDesign(ports, design, { environment: 'dev' });
    expect(second.steps).toEqual([]);
    expect(second.impossible).toEqual([]);

    // Applying the first plan again: every step is skipped as already done.
    const again = await Promise.all(plan.steps.map((s) => applyStep(ports, design, { environment: 'dev', stepId: s.id })));
    expect(again.map((o) => o.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);

    const orders = await ports.topics.describe(design.topics[0]!.name);
    expect(orders.partitions).toHaveLength(3);
    expect(orders.configs.find((c) => c.name === 'retention.ms')?.value).toBe('86400000');
    const registry = designRegistry('local');
    expect((await registry.latest(design.schemas[0]!.subject))?.version).toBe(1);
    expect(await registry.compatibility(design.schemas[0]!.subject)).toBe('FULL');
  });

  it('a change to the design plans only the difference (configs it sets, partitions to add)', async () => {
    const design = uniqueDesign('change');
    const ports = designPorts('local');
    await applyAll(ports, design);
    const changed = designDocumentSchema.parse({
      ...design,
      topics: design.topics.map((t) => (t.id === 'orders' ? { ...t, partitions: 6, configs: { ...t.configs, 'retention.ms': '172800000' } } : t)),
    });
    const plan = await planDesign(ports, changed, { environment: 'dev' });
    expect(plan.steps.map((s) => s.id)).toEqual([`add-partitions:${design.topics[0]!.name}`, `alter-configs:${design.topics[0]!.name}`]);
    for (const s of plan.steps) expect((await applyStep(ports, changed, { environment: 'dev', stepId: s.id })).outcome).toBe('ok');
    expect((await planDesign(ports, changed, { environment: 'dev' })).steps).toEqual([]);
    // Shrinking is impossible, and said so.
    const shrunk = designDocumentSchema.parse({ ...changed, topics: changed.topics.map((t) => (t.id === 'orders' ? { ...t, partitions: 2 } : t)) });
    expect((await planDesign(ports, shrunk, { environment: 'dev' })).impossible[0]?.message).toMatch(/partitions can only grow/);
  });

  it('a failure part-way (the registry fails), then applying again completes', async () => {
    const design = uniqueDesign('partial');
    const real = designPorts('local');
    const failing: DesignPorts = {
      ...real,
      registry: {
        ...real.registry!,
        setCompatibility: async () => {
          throw new ConsoleError({ category: 'unavailable', message: 'The schema registry is down (injected).', retryable: true });
        },
      },
    };
    const first = await applyAll(failing, design);
    expect(first.outcomes.map((o) => [o.step?.kind, o.outcome])).toEqual([
      ['create-topic', 'ok'],
      ['create-topic', 'ok'],
      ['set-compatibility', 'failed'],
      ['register-schema', 'failed'],
    ]);
    expect(first.outcomes[2]!.message).toMatch(/registry is down/);
    expect(first.outcomes[3]!.message).toMatch(/Waits for "set-compatibility:/);

    const remaining = await planDesign(real, design, { environment: 'dev' });
    expect(remaining.steps.map((s) => s.kind)).toEqual(['set-compatibility', 'register-schema']);
    const second = await applyAll(real, design);
    expect(second.outcomes.map((o) => o.outcome)).toEqual(['ok', 'ok']);
    expect((await planDesign(real, design, { environment: 'dev' })).steps).toEqual([]);
  });

  it('imports a design back from the cluster: topics, the DLQ, the schema, a group as consumer; planning it changes nothing', async () => {
    const design = uniqueDesign('import');
    const ports = designPorts('local');
    await applyAll(ports, design);
    const prefix = design.name;
    const admin = rawKafka.admin();
    await admin.connect();
    await admin.setOffsets({ groupId: `${prefix}-billing`, topic: `${prefix}.orders`, partitions: [{ partition: 0, offset: '0' }] });
    await admin.disconnect();

    const { snapshot } = await readClusterSnapshot('local', prefix);
    const { design: imported } = designFromCluster(snapshot, { name: 'imported' });
    expect(imported.topics.map((t) => [t.name, t.kind]).sort()).toEqual([
      [`${prefix}.orders`, 'events'],
      [`${prefix}.orders.dlq`, 'dlq'],
    ]);
    const orders = imported.topics.find((t) => t.kind === 'events')!;
    expect(orders.configs).toEqual({ 'min.insync.replicas': '1', 'retention.ms': '86400000' });
    expect(imported.schemas.find((s) => s.id === orders.valueSchemaId)?.subject).toBe(`${prefix}.orders-value`);
    expect(imported.edges).toEqual([expect.objectContaining({ kind: 'consumes', consumerGroup: `${prefix}-billing`, topicId: orders.id })]);
    const plan = await planDesign(ports, imported, { environment: null });
    expect(plan.steps).toEqual([]);
  });
});
