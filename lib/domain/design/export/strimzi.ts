import { resolveEnvironment } from '../environment';
import type { DesignDocument, Topic } from '../model';
import { generatedBy, sortedEntries, type ExportOptions } from './export-types';
import { yamlText } from './yaml-text';

/**
 * Strimzi's KafkaTopic API versions. The two differ only in that v1 requires `spec` (which we
 * always write); no KafkaTopic field was renamed or removed. v1 arrived in Strimzi 0.49 (and is
 * what its Topic Operator stores); 0.52/1.0 drops v1beta2. Pick v1beta2 for operators before 0.49.
 */
export const STRIMZI_API_VERSIONS = ['v1', 'v1beta2'] as const;
export type StrimziApiVersion = (typeof STRIMZI_API_VERSIONS)[number];

export interface StrimziOptions extends ExportOptions {
  apiVersion?: StrimziApiVersion;
  /**
   * The `strimzi.io/cluster` label: the Topic Operator only reconciles KafkaTopics labelled with
   * its Kafka cluster's name. Null leaves the label out (for a kustomize overlay to add).
   */
  cluster?: string | null;
  namespace?: string;
}

export const DEFAULT_STRIMZI_CLUSTER = 'my-cluster';

export class StrimziExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StrimziExportError';
  }
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** One KafkaTopic per topic, as a multi-document YAML stream ready for `kubectl apply -f`. */
export function exportStrimziTopics(design: DesignDocument, options: StrimziOptions = {}): string {
  const { design: resolved } = resolveEnvironment(design, options.environment);
  const apiVersion = options.apiVersion ?? 'v1';
  const cluster = options.cluster === undefined ? DEFAULT_STRIMZI_CLUSTER : options.cluster;
  if (cluster !== null && (cluster.length > 63 || !LABEL_VALUE.test(cluster) || cluster === '')) {
    throw new StrimziExportError(`"${cluster}" cannot be a label value; use the name of the Kafka resource (letters, digits, "-", "_", ".", at most 63).`);
  }
  if (options.namespace !== undefined && (options.namespace.length > 63 || !DNS_LABEL.test(options.namespace))) {
    throw new StrimziExportError(`"${options.namespace}" is not a Kubernetes namespace name; use lower-case letters, digits and "-", at most 63.`);
  }
  const comment = `${generatedBy(design, options.environment)} Strimzi KafkaTopic, kafka.strimzi.io/${apiVersion}.`;
  if (resolved.topics.length === 0) return `# ${comment}\n`;
  return resolved.topics.map((topic, i) => yamlText(kafkaTopic(topic, apiVersion, cluster, options.namespace), { comment: i === 0 ? comment : undefined, documentStart: i > 0 })).join('');
}

function kafkaTopic(topic: Topic, apiVersion: StrimziApiVersion, cluster: string | null, namespace: string | undefined) {
  const name = kubernetesName(topic.name);
  const configs = sortedEntries(topic.configs);
  return {
    apiVersion: `kafka.strimzi.io/${apiVersion}`,
    kind: 'KafkaTopic',
    metadata: {
      name,
      ...(namespace ? { namespace } : {}),
      ...(cluster === null ? {} : { labels: { 'strimzi.io/cluster': cluster } }),
    },
    spec: {
      ...(name === topic.name ? {} : { topicName: topic.name }),
      partitions: topic.partitions,
      replicas: topic.replicationFactor,
      // Strings, as Kafka's own configs are: Strimzi accepts them, and "0.50" or "1e3" stay exactly what the design says.
      ...(configs.length ? { config: Object.fromEntries(configs) } : {}),
    },
  };
}

/**
 * A KafkaTopic's metadata.name for a Kafka topic name. Custom resource names are DNS-1123
 * subdomains (lower-case letters, digits, "-" and "."; labels start and end alphanumeric), which
 * many topic names already are; those are kept, and spec.topicName is then left out. Others
 * (capitals, "_", a leading "-", "..") are lower-cased, invalid characters become "-", and a hash
 * of the real name is appended. The hash is of this one name, never a counter over the design:
 * adding a topic must not rename another topic's resource, because deleting a KafkaTopic makes
 * the Topic Operator delete the topic.
 */
export function kubernetesName(topicName: string): string {
  if (topicName.length <= 253 && DNS_SUBDOMAIN.test(topicName)) return topicName;
  const suffix = `-${fnv1a(topicName)}`;
  const base = topicName
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .split('.')
    .map((label) => label.replace(/^-+|-+$/g, ''))
    .filter((label) => label !== '')
    .join('.')
    .slice(0, 253 - suffix.length)
    .replace(/[^a-z0-9]+$/, '');
  return `${base || 'topic'}${suffix}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, and pure (no crypto module in lib/domain). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
