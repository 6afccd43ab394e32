import { valueSchemaOf } from '../design-index';
import type { LintRule } from './lint-types';

export const topicHasSchemaRule: LintRule = {
  id: 'topic-has-schema',
  title: 'Every topic has a value schema',
  severity: 'warning',
  sources: [
    { title: 'Confluent documentation, "Schema Registry Overview" (schemas as the contract between producers and consumers)', url: 'https://docs.confluent.io/platform/current/schema-registry/index.html' },
  ],
  // Retry and dlq topics carry their source topic's records, so the source's schema covers them.
  check: ({ design, index }) =>
    design.topics
      .filter((t) => !valueSchemaOf(t, index))
      .map((t) => ({
        elementId: t.id,
        message: `Topic "${t.name}" has no value schema: producers and consumers agree on its records only by convention.`,
        fix: `Add an event schema (Avro, JSON Schema or Protobuf) for "${t.name}" and link it as the topic's value schema.`,
      })),
};
