import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../environment';
import type { DesignDocument } from '../model';
import { DESIGN_TEMPLATES, designTemplate } from '../templates';
import { exportConfluentTerraform, exportKafkaTerraform, ResourceNames } from './terraform';
import { featureDesign } from './testing/feature-design';
import { formatHcl, parseHcl, templateLiteral } from './testing/hcl-check';

type Blocks = Record<string, Record<string, Record<string, unknown>[]>>;
interface ParsedTf {
  resource: Blocks;
  variable: Record<string, Record<string, unknown>[]>;
  provider?: Record<string, Record<string, unknown>[]>;
}

const cases = [...DESIGN_TEMPLATES.map((t) => [t.id, t.document] as const), ['feature design', featureDesign] as const];
const taskManagement = designTemplate('task-management')!.document;

/** HashiCorp's parser returns blocks keyed and sorted by name; the tests compare sets. */
const canonical = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y))) : v));
const sorted = <T>(items: T[]) => [...items].sort((a, b) => canonical(a).localeCompare(canonical(b)));

/** One resource per name, the way the tests look at them. */
function resources(parsed: ParsedTf, type: string): Record<string, Record<string, unknown>> {
  return Object.fromEntries(Object.entries(parsed.resource[type] ?? {}).map(([name, [body]]) => [name, body!]));
}

/** A heredoc schema back to its text: the JSON syntax keeps chomp(<<EOT ...) as an expression. */
function schemaText(value: unknown): string {
  const text = String(value);
  const call = /^\$\{chomp\(<<(EOT\d*)\n([\s\S]*)\n\1\n\s*\)\}$/.exec(text);
  return templateLiteral(call ? call[2]! : text);
}

describe('exportKafkaTerraform (Mongey/kafka)', () => {
  it('task-management with ACLs matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportKafkaTerraform(taskManagement, { acls: true })).toMatchFileSnapshot('golden/task-management.kafka.tf');
  });

  it.each(cases)('%s: parses with HashiCorp’s parser, is terraform-fmt clean and carries every topic exactly', async (_, design) => {
    for (const environment of [null, ...design.environments.map((e) => e.name)]) {
      const text = exportKafkaTerraform(design, { environment, acls: true });
      expect(await formatHcl(text)).toBe(text);
      const parsed = (await parseHcl(text)) as ParsedTf;
      const topics = Object.values(resources(parsed, 'kafka_topic'));
      const expected = resolveEnvironment(design, environment).design.topics;
      expect(sorted(topics.map((t) => ({ ...t, name: templateLiteral(String(t.name)) })))).toEqual(
        sorted(expected.map((t) => ({ name: t.name, partitions: t.partitions, replication_factor: t.replicationFactor, ...(Object.keys(t.configs).length ? { config: t.configs } : {}) }))),
      );
    }
  });

  it('uses variables for the cluster and leaves ACLs out unless asked', async () => {
    const parsed = (await parseHcl(exportKafkaTerraform(taskManagement))) as ParsedTf;
    expect(sorted(Object.keys(parsed.variable))).toEqual(sorted(['kafka_bootstrap_servers', 'kafka_tls_enabled', 'kafka_sasl_mechanism', 'kafka_sasl_username', 'kafka_sasl_password']));
    expect(parsed.provider?.kafka?.[0]).toMatchObject({ bootstrap_servers: '${var.kafka_bootstrap_servers}' });
    expect(parsed.resource.kafka_acl).toBeUndefined();
  });

  it('grants producers Write+Describe on topics and consumers Read on topics and groups, retry path included', async () => {
    const parsed = (await parseHcl(exportKafkaTerraform(featureDesign, { acls: true, principalPrefix: 'User:CN=' }))) as ParsedTf;
    const acls = Object.values(resources(parsed, 'kafka_acl')).map((a) => `${String(a.acl_principal)} ${String(a.acl_operation)} ${String(a.resource_type)} ${String(a.resource_name)}`);
    expect(sorted(acls.filter((a) => a.startsWith('User:CN=ledger.v2 ')))).toEqual(sorted([
      'User:CN=ledger.v2 Read Topic ${kafka_topic.payments.name}',
      'User:CN=ledger.v2 Read Group ledger.v2',
      'User:CN=ledger.v2 Write Topic ${kafka_topic.payments-retry.name}',
      'User:CN=ledger.v2 Describe Topic ${kafka_topic.payments-retry.name}',
      'User:CN=ledger.v2 Read Topic ${kafka_topic.payments-retry.name}',
      'User:CN=ledger.v2 Write Topic ${kafka_topic.payments-dlq.name}',
      'User:CN=ledger.v2 Describe Topic ${kafka_topic.payments-dlq.name}',
      'User:CN=ledger.v2 Write Topic ${kafka_topic.ledger-entries.name}',
      'User:CN=ledger.v2 Describe Topic ${kafka_topic.ledger-entries.name}',
    ].map((a) => a.replace(/kafka_topic\.([a-z-]+)/, (_, id: string) => `kafka_topic.${id.replace(/-/g, '_')}`))));
    expect(Object.values(resources(parsed, 'kafka_acl')).every((a) => a.acl_host === '*' && a.acl_permission_type === 'Allow' && a.resource_pattern_type_filter === 'Literal')).toBe(true);
  });

  it('notes what transactional producers need beyond the design', () => {
    expect(exportKafkaTerraform(featureDesign, { acls: true })).toContain('# Transactional producers (billing) also need Write and Describe on their transactional.id');
  });
});

describe('exportConfluentTerraform (confluentinc/confluent)', () => {
  it('task-management matches the golden file (update with `npx vitest run --project unit -u`)', async () => {
    await expect(exportConfluentTerraform(taskManagement)).toMatchFileSnapshot('golden/task-management.confluent.tf');
  });

  it.each(cases)('%s: parses, is terraform-fmt clean, and carries topics and schemas exactly', async (_, design: DesignDocument) => {
    const text = exportConfluentTerraform(design);
    expect(await formatHcl(text)).toBe(text);
    const parsed = (await parseHcl(text)) as ParsedTf;
    const topics = Object.values(resources(parsed, 'confluent_kafka_topic'));
    expect(sorted(topics.map((t) => [t.topic_name, t.partitions_count, t.config ?? {}]))).toEqual(sorted(design.topics.map((t) => [t.name, t.partitions, t.configs])));
    const schemas = Object.values(resources(parsed, 'confluent_schema'));
    expect(sorted(schemas.map((s) => [s.subject_name, s.format, schemaText(s.schema)]))).toEqual(sorted(design.schemas.map((s) => [s.subject, s.format, s.definition])));
    const configs = Object.values(resources(parsed, 'confluent_subject_config'));
    expect(sorted(configs.map((c) => [c.subject_name, c.compatibility_level]))).toEqual(sorted(design.schemas.filter((s) => s.compatibility).map((s) => [s.subject, s.compatibility])));
  });

  it('sets compatibility before registering, orders referenced schemas first, and keeps references', async () => {
    const parsed = (await parseHcl(exportConfluentTerraform(featureDesign))) as ParsedTf;
    const payment = resources(parsed, 'confluent_schema').payment!;
    expect(payment.depends_on).toEqual(['${confluent_subject_config.payment}', '${confluent_schema.money}']);
    expect(payment.schema_reference).toEqual([{ name: 'com.example.Money', subject_name: 'com.example.Money', version: 1 }]);
    expect(sorted(Object.keys(parsed.variable))).toEqual(sorted([
      'kafka_cluster_id', 'kafka_rest_endpoint', 'kafka_api_key', 'kafka_api_secret',
      'schema_registry_id', 'schema_registry_rest_endpoint', 'schema_registry_api_key', 'schema_registry_api_secret',
    ]));
    expect(parsed.variable.kafka_api_secret?.[0]).toMatchObject({ sensitive: true });
  });

  it('keeps template introducers in a schema literal', () => {
    const text = exportConfluentTerraform(featureDesign);
    expect(text).toContain('  // "$${not a template}" %%{ nor this }\n');
    expect(text).not.toMatch(/[^$]\$\{not a template/);
  });
});

describe('ResourceNames', () => {
  it('turns ids into Terraform names, unique per resource type', () => {
    const names = new ResourceNames();
    expect(['orders', 'orders.dlq', 'orders_dlq', '1st', 'Orders-V2'].map((id) => names.claim('kafka_topic', id))).toEqual(['orders', 'orders_dlq', 'orders_dlq_2', '_1st', 'Orders_V2']);
    expect(names.claim('kafka_acl', 'orders')).toBe('orders');
  });
});
