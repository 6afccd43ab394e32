import { designDocumentSchema, type DesignDocument, type DesignDocumentInput } from '../model';

export interface DesignTemplate {
  id: string;
  title: string;
  summary: string;
  document: DesignDocument;
  /**
   * Lint warnings left in on purpose because they teach something, each with the lesson. The
   * template test fails on any other warning, and on any error.
   */
  expectedWarnings: readonly { ruleId: string; elementId: string; teaches: string }[];
}

/** Templates are written in the file format (defaults may be omitted) and parsed once, so they are full documents. */
export function defineTemplate(template: Omit<DesignTemplate, 'document'> & { document: DesignDocumentInput }): DesignTemplate {
  return { ...template, document: designDocumentSchema.parse(template.document) };
}

/** Schema definitions are stored as text; writing them as objects keeps the templates readable. */
export const json = (value: unknown): string => JSON.stringify(value, null, 2);

/** Durable production defaults (replication factor 3, min.insync.replicas 2); environments relax them. */
export const DURABLE = { replicationFactor: 3, minInsync: { 'min.insync.replicas': '2' } } as const;

/** A dev environment on a single broker: one replica, so min.insync.replicas must follow. */
export const DEV_ENVIRONMENT = {
  name: 'dev',
  production: false,
  description: 'Single-broker local stack.',
  topicDefaults: { replicationFactor: 1, configs: { 'min.insync.replicas': '1' } },
} as const;

export const PROD_ENVIRONMENT = { name: 'prod', production: true, description: 'Three or more brokers.' } as const;
