import type { DesignDocument } from '../model';
import { exportAsyncApi } from './asyncapi-export';
import { exportKafkaTopicsScript, exportRpkScript } from './cli-scripts';
import { exportDesignJson, exportDesignYaml } from './design-file';
import type { ExportOptions } from './export-types';
import { exportStrimziTopics } from './strimzi';
import { exportConfluentTerraform, exportKafkaTerraform } from './terraform';

export interface DesignExporterEntry {
  /** Stable: URLs and saved preferences use it. */
  id: string;
  label: string;
  description: string;
  /** Suggested download name, e.g. "task-management.dev.asyncapi.yaml". */
  fileName: (design: DesignDocument, environment?: string | null) => string;
  mediaType: string;
  /** Whether the output depends on the chosen environment (the design file does not). */
  perEnvironment: boolean;
  run: (design: DesignDocument, options?: ExportOptions) => string;
}

const named = (suffix: string) => (design: DesignDocument, environment?: string | null) => `${fileStem(design.name)}${environment ? `.${environment}` : ''}${suffix}`;

/** What the designer offers under "Export", in this order. */
export const DESIGN_EXPORTERS: readonly DesignExporterEntry[] = [
  {
    id: 'asyncapi',
    label: 'AsyncAPI 3.0',
    description: 'Channels, operations and schemas with the Kafka bindings; can be imported back.',
    fileName: named('.asyncapi.yaml'),
    mediaType: 'application/vnd.aai.asyncapi+yaml;version=3.0.0',
    perEnvironment: true,
    run: exportAsyncApi,
  },
  {
    id: 'terraform-kafka',
    label: 'Terraform: kafka provider (Mongey)',
    description: 'kafka_topic resources for any Kafka cluster.',
    fileName: named('.kafka.tf'),
    mediaType: 'text/plain',
    perEnvironment: true,
    run: (design, options) => exportKafkaTerraform(design, { ...options, acls: false }),
  },
  {
    id: 'terraform-kafka-acls',
    label: 'Terraform: kafka provider (Mongey) with ACLs',
    description: 'kafka_topic plus the kafka_acl each service needs, principal User:<service id>.',
    fileName: named('.kafka-acls.tf'),
    mediaType: 'text/plain',
    perEnvironment: true,
    run: (design, options) => exportKafkaTerraform(design, { ...options, acls: true }),
  },
  {
    id: 'terraform-confluent',
    label: 'Terraform: Confluent provider',
    description: 'confluent_kafka_topic, confluent_schema and subject compatibility for Confluent Cloud.',
    fileName: named('.confluent.tf'),
    mediaType: 'text/plain',
    perEnvironment: true,
    run: exportConfluentTerraform,
  },
  {
    id: 'strimzi-v1',
    label: 'Strimzi KafkaTopic (v1)',
    description: 'One KafkaTopic per topic for Strimzi 0.49 and later.',
    fileName: named('.kafkatopics.yaml'),
    mediaType: 'application/yaml',
    perEnvironment: true,
    run: (design, options) => exportStrimziTopics(design, { ...options, apiVersion: 'v1' }),
  },
  {
    id: 'strimzi-v1beta2',
    label: 'Strimzi KafkaTopic (v1beta2)',
    description: 'For Strimzi before 0.49; removed in Strimzi 1.0.',
    fileName: named('.kafkatopics-v1beta2.yaml'),
    mediaType: 'application/yaml',
    perEnvironment: true,
    run: (design, options) => exportStrimziTopics(design, { ...options, apiVersion: 'v1beta2' }),
  },
  {
    id: 'kafka-topics-sh',
    label: 'Script: kafka-topics.sh',
    description: 'Creates the topics that do not exist yet, with Apache Kafka’s CLI.',
    fileName: named('.create-topics.sh'),
    mediaType: 'text/x-shellscript',
    perEnvironment: true,
    run: exportKafkaTopicsScript,
  },
  {
    id: 'rpk',
    label: 'Script: rpk',
    description: 'Creates the topics that do not exist yet, with Redpanda’s rpk.',
    fileName: named('.create-topics-rpk.sh'),
    mediaType: 'text/x-shellscript',
    perEnvironment: true,
    run: exportRpkScript,
  },
  {
    id: 'design-yaml',
    label: 'Design (YAML)',
    description: 'The design document itself, with every environment.',
    fileName: (design) => `${fileStem(design.name)}.design.yaml`,
    mediaType: 'application/yaml',
    perEnvironment: false,
    run: exportDesignYaml,
  },
  {
    id: 'design-json',
    label: 'Design (JSON)',
    description: 'The design document itself, with every environment.',
    fileName: (design) => `${fileStem(design.name)}.design.json`,
    mediaType: 'application/json',
    perEnvironment: false,
    run: exportDesignJson,
  },
];

export function designExporter(id: string): DesignExporterEntry | undefined {
  return DESIGN_EXPORTERS.find((e) => e.id === id);
}

/** A design name as the start of a file name: lower-case letters, digits and "-". */
export function fileStem(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'design'
  );
}
