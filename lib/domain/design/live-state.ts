import type { CompatibilityLevel, SchemaFormat } from './model';

/**
 * What the cluster and the registry hold now, as plain data the adapters fill in. Only what a plan
 * compares is here: topic-level config overrides (not broker defaults), and each subject's latest
 * version and subject-level compatibility.
 */
export interface LiveTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Configs set on the topic itself (source "topic"); broker and default values are not overrides. */
  configs: Record<string, string>;
}

export interface LiveSubject {
  subject: string;
  /** Null when the subject only has a config (compatibility set before any schema was registered). */
  latest: { version: number; format: SchemaFormat; definition: string } | null;
  /** The subject-level setting; null means the registry's global default applies. */
  compatibility: CompatibilityLevel | null;
}

export interface LiveState {
  topics: LiveTopic[];
  subjects: LiveSubject[];
  /** When known, topics asking for more replicas than brokers are reported as impossible. */
  brokerCount?: number;
}

export const EMPTY_LIVE_STATE: LiveState = { topics: [], subjects: [] };
