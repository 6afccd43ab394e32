import { isCompacted } from '../model';
import type { LintRule } from './lint-types';

export const compactedTopicKeyRule: LintRule = {
  id: 'compacted-topic-needs-key',
  title: 'Compacted topics have keys',
  severity: 'error',
  sources: [
    { title: 'Apache Kafka documentation, "Log Compaction" (retains the last value for each key; the broker rejects keyless records on compacted topics)', url: 'https://kafka.apache.org/documentation/#compaction' },
  ],
  check: ({ design }) =>
    design.topics
      .filter((t) => isCompacted(t) && !t.key)
      .map((t) => ({
        elementId: t.id,
        message: `Topic "${t.name}" is compacted but its records have no key: compaction keeps the latest value per key, and the broker rejects records without one.`,
        fix: `Describe the key of "${t.name}" (what identifies the entity whose latest value is kept), or use cleanup.policy=delete.`,
      })),
};
