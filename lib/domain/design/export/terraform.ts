import { indexDesign } from '../design-index';
import { resolveEnvironment } from '../environment';
import type { DesignDocument, EventSchema, Topic } from '../model';
import { generatedBy, sortedEntries, type ExportOptions } from './export-types';
import { attribute, blank, block, comment, heredoc, ref, writeHcl, type HclBodyItem, type HclValue } from './hcl';
import { topicAccesses } from './topic-access';

export interface KafkaTerraformOptions extends ExportOptions {
  /** Also emit kafka_acl resources for every producer and consumer (the cluster needs an authorizer). */
  acls?: boolean;
  /** ACL principals are `${principalPrefix}${serviceId}`. */
  principalPrefix?: string;
}

/**
 * Terraform for the Mongey/kafka provider (any Kafka cluster the provider can reach): one
 * kafka_topic per topic and, on request, the ACLs each service needs: Write and Describe on the
 * topics it produces to; Read on the topics it consumes and on its consumer group. A consumer's
 * retry policy adds what it implies (see topic-access.ts). Cluster-specific values are variables.
 */
export function exportKafkaTerraform(design: DesignDocument, options: KafkaTerraformOptions = {}): string {
  const { design: resolved } = resolveEnvironment(design, options.environment);
  const names = new ResourceNames();
  const topicResource = new Map(resolved.topics.map((t) => [t.id, names.claim('kafka_topic', t.id)]));
  const items: HclBodyItem[] = [
    comment(`${generatedBy(design, options.environment)}\nTopics${options.acls ? ' and ACLs' : ''} for the Mongey/kafka provider. Pin the provider version you have tested.`),
    block('terraform', [], [block('required_providers', [], [attribute('kafka', { source: 'Mongey/kafka' })])]),
    blank,
    variable('kafka_bootstrap_servers', 'Bootstrap servers of the cluster, as host:port.', 'list(string)'),
    blank,
    variable('kafka_tls_enabled', 'Connect with TLS (the provider’s default); false for a local plaintext listener.', 'bool', true),
    blank,
    variable('kafka_sasl_mechanism', 'SASL mechanism: plain, scram-sha256, scram-sha512 or aws-iam.', 'string', 'plain'),
    blank,
    variable('kafka_sasl_username', 'SASL user; null connects without SASL.', 'string', null),
    blank,
    variable('kafka_sasl_password', 'SASL password.', 'string', null, true),
    blank,
    block('provider', ['kafka'], [
      attribute('bootstrap_servers', ref('var.kafka_bootstrap_servers')),
      attribute('tls_enabled', ref('var.kafka_tls_enabled')),
      attribute('sasl_mechanism', ref('var.kafka_sasl_mechanism')),
      attribute('sasl_username', ref('var.kafka_sasl_username')),
      attribute('sasl_password', ref('var.kafka_sasl_password')),
    ]),
  ];
  for (const topic of resolved.topics) {
    items.push(
      blank,
      block('resource', ['kafka_topic', topicResource.get(topic.id)!], [
        attribute('name', topic.name),
        attribute('partitions', topic.partitions),
        attribute('replication_factor', topic.replicationFactor),
        ...configAttribute(topic),
      ]),
    );
  }
  if (options.acls) items.push(...aclResources(resolved, topicResource, names, options.principalPrefix ?? 'User:'));
  return writeHcl(items);
}

function aclResources(design: DesignDocument, topicResource: ReadonlyMap<string, string>, names: ResourceNames, principalPrefix: string): HclBodyItem[] {
  const items: HclBodyItem[] = [];
  const seen = new Set<string>();
  const acl = (serviceId: string, resourceType: 'Topic' | 'Group', resourceName: HclValue, label: string, operation: 'Read' | 'Write' | 'Describe') => {
    const key = `${serviceId}|${resourceType}|${label}|${operation}`;
    if (seen.has(key)) return;
    seen.add(key);
    items.push(
      blank,
      block('resource', ['kafka_acl', names.claim('kafka_acl', `${serviceId}_${operation.toLowerCase()}_${resourceType === 'Group' ? 'group_' : ''}${label}`)], [
        attribute('resource_name', resourceName),
        attribute('resource_type', resourceType),
        attribute('resource_pattern_type_filter', 'Literal'),
        attribute('acl_principal', `${principalPrefix}${serviceId}`),
        attribute('acl_host', '*'),
        attribute('acl_operation', operation),
        attribute('acl_permission_type', 'Allow'),
      ]),
    );
  };
  for (const access of topicAccesses(design)) {
    const topicName = ref(`kafka_topic.${topicResource.get(access.topicId)!}.name`);
    if (access.access === 'produce') {
      acl(access.serviceId, 'Topic', topicName, access.topicId, 'Write');
      acl(access.serviceId, 'Topic', topicName, access.topicId, 'Describe');
    } else {
      acl(access.serviceId, 'Topic', topicName, access.topicId, 'Read');
      acl(access.serviceId, 'Group', access.consumerGroup!, access.consumerGroup!, 'Read');
    }
  }
  const transactional = [...new Set(design.edges.filter((e) => e.kind === 'produces' && e.transactional).map((e) => e.serviceId))];
  if (transactional.length) {
    items.push(blank, comment(`Transactional producers (${transactional.join(', ')}) also need Write and Describe on their transactional.id (resource_type "TransactionalID"), which the design does not name.`));
  }
  return items;
}

export type ConfluentTerraformOptions = ExportOptions;

/**
 * Terraform for the confluentinc/confluent provider (Confluent Cloud): confluent_kafka_topic per
 * topic, and per schema a confluent_schema plus, where the design sets one, a
 * confluent_subject_config with its compatibility, applied first so the new version is judged by
 * it (as plan.ts orders them). The cluster, endpoints and credentials are variables.
 *
 * Schemas are heredocs, not file(): the export stays one self-contained file that `terraform plan`
 * accepts as downloaded, with no schema directory to keep beside it, and reviewers see the schema
 * in the same diff as its subject. Replication factor is not emitted: Confluent Cloud fixes it.
 */
export function exportConfluentTerraform(design: DesignDocument, options: ConfluentTerraformOptions = {}): string {
  const { design: resolved } = resolveEnvironment(design, options.environment);
  const names = new ResourceNames();
  const hasSchemas = resolved.schemas.length > 0;
  const items: HclBodyItem[] = [
    comment(`${generatedBy(design, options.environment)}\nTopics${hasSchemas ? ' and schemas' : ''} for the confluentinc/confluent provider. Confluent Cloud sets the replication factor itself.`),
    block('terraform', [], [block('required_providers', [], [attribute('confluent', { source: 'confluentinc/confluent' })])]),
    blank,
    variable('kafka_cluster_id', 'ID of the Kafka cluster (lkc-...).', 'string'),
    blank,
    variable('kafka_rest_endpoint', 'REST endpoint of the Kafka cluster.', 'string'),
    blank,
    variable('kafka_api_key', 'Kafka API key with rights to manage topics.', 'string'),
    blank,
    variable('kafka_api_secret', 'Kafka API secret.', 'string', undefined, true),
  ];
  if (hasSchemas) {
    items.push(
      blank,
      variable('schema_registry_id', 'ID of the Schema Registry cluster (lsrc-...).', 'string'),
      blank,
      variable('schema_registry_rest_endpoint', 'REST endpoint of the Schema Registry.', 'string'),
      blank,
      variable('schema_registry_api_key', 'Schema Registry API key.', 'string'),
      blank,
      variable('schema_registry_api_secret', 'Schema Registry API secret.', 'string', undefined, true),
    );
  }
  for (const topic of resolved.topics) {
    items.push(
      blank,
      block('resource', ['confluent_kafka_topic', names.claim('confluent_kafka_topic', topic.id)], [
        block('kafka_cluster', [], [attribute('id', ref('var.kafka_cluster_id'))]),
        attribute('topic_name', topic.name),
        attribute('partitions_count', topic.partitions),
        attribute('rest_endpoint', ref('var.kafka_rest_endpoint')),
        ...configAttribute(topic),
        block('credentials', [], [attribute('key', ref('var.kafka_api_key')), attribute('secret', ref('var.kafka_api_secret'))]),
      ]),
    );
  }
  const index = indexDesign(resolved);
  const schemaResource = new Map(resolved.schemas.map((s) => [s.id, names.claim('confluent_schema', s.id)]));
  const bySubject = new Map(resolved.schemas.map((s) => [s.subject, s]));
  for (const schema of resolved.schemas) {
    if (index.schemas.get(schema.id) !== schema) continue; // duplicate id: validate.ts reports it
    const resource = schemaResource.get(schema.id)!;
    const registry = [block('schema_registry_cluster', [], [attribute('id', ref('var.schema_registry_id'))]), attribute('rest_endpoint', ref('var.schema_registry_rest_endpoint')), attribute('subject_name', schema.subject)];
    const credentials = block('credentials', [], [attribute('key', ref('var.schema_registry_api_key')), attribute('secret', ref('var.schema_registry_api_secret'))]);
    const dependsOn: string[] = [];
    if (schema.compatibility) {
      items.push(blank, block('resource', ['confluent_subject_config', resource], [...registry, attribute('compatibility_level', schema.compatibility), credentials]));
      dependsOn.push(`confluent_subject_config.${resource}`);
    }
    for (const reference of schema.references) {
      const referenced = bySubject.get(reference.subject);
      if (referenced && referenced !== schema) dependsOn.push(`confluent_schema.${schemaResource.get(referenced.id)!}`);
    }
    items.push(
      blank,
      block('resource', ['confluent_schema', resource], [
        ...registry,
        attribute('format', schema.format),
        attribute('schema', heredoc(schema.definition)),
        ...schemaReferences(schema),
        credentials,
        ...(dependsOn.length ? [attribute('depends_on', dependsOn.map(ref))] : []),
      ]),
    );
  }
  return writeHcl(items);
}

function schemaReferences(schema: EventSchema): HclBodyItem[] {
  return schema.references.map((r) => block('schema_reference', [], [attribute('name', r.name), attribute('subject_name', r.subject), attribute('version', r.version)]));
}

function configAttribute(topic: Topic): HclBodyItem[] {
  const configs = sortedEntries(topic.configs);
  return configs.length ? [attribute('config', Object.fromEntries(configs))] : [];
}

function variable(name: string, description: string, type: string, defaultValue?: HclValue, sensitive = false): HclBodyItem {
  return block('variable', [name], [
    attribute('description', description),
    attribute('type', ref(type)),
    ...(defaultValue === undefined ? [] : [attribute('default', defaultValue)]),
    ...(sensitive ? [attribute('sensitive', true)] : []),
  ]);
}

/**
 * Terraform resource names from element ids: ids are stable across renames, so renaming a topic
 * in the design changes its name attribute, not its address (which would destroy and recreate
 * it). Characters Terraform does not allow become "_"; a clash gets a numeric suffix.
 */
export class ResourceNames {
  private readonly used = new Map<string, Set<string>>();

  claim(resourceType: string, base: string): string {
    let name = base.replace(/[^A-Za-z0-9_]+/g, '_');
    if (!/^[A-Za-z_]/.test(name)) name = `_${name}`;
    const used = this.used.get(resourceType) ?? new Set<string>();
    this.used.set(resourceType, used);
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}_${n}`;
    used.add(candidate);
    return candidate;
  }
}
