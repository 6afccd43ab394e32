import { designProblems } from '../validate';
import type { LintRule } from './lint-types';

/** Reference and config problems (validate.ts) shown in the same list as the best-practice findings. */
export const designIntegrityRule: LintRule = {
  id: 'design-integrity',
  title: 'The design is consistent',
  severity: 'error',
  sources: [
    { title: 'Apache Kafka documentation, "Topic-Level Configs" (the keys and values a topic accepts)', url: 'https://kafka.apache.org/documentation/#topicconfigs' },
    { title: 'Apache Kafka, org.apache.kafka.common.internals.Topic (legal names; names differing only by "." and "_" collide)', url: 'https://github.com/apache/kafka/blob/trunk/clients/src/main/java/org/apache/kafka/common/internals/Topic.java' },
  ],
  check: ({ design }) => designProblems(design).map((p) => ({ elementId: p.elementId, message: p.message, fix: 'Edit the element the message names; a design must be consistent before it can be planned against a cluster.' })),
};
