import { hasRetries } from '../model';
import type { LintRule } from './lint-types';

/**
 * A consumer that retries has decided some records can fail; without a dead-letter topic the last
 * failure either drops the record or blocks the partition forever. Error, because both lose data
 * or progress silently.
 */
export const retryNeedsDlqRule: LintRule = {
  id: 'retry-needs-dlq',
  title: 'Consumers that retry have a dead-letter topic',
  severity: 'error',
  sources: [
    { title: 'Confluent blog, "Error Handling Patterns in Kafka" (dead letter queue pattern)', url: 'https://www.confluent.io/blog/error-handling-patterns-in-kafka/' },
    { title: 'Uber Engineering, "Building Reliable Reprocessing and Dead Letter Queues with Apache Kafka"', url: 'https://www.uber.com/blog/reliable-reprocessing/' },
  ],
  check: ({ index }) =>
    index.consumes
      .filter((e) => hasRetries(e.retry) && e.retry?.dlqTopicId === undefined)
      .map((e) => {
        const service = index.services.get(e.serviceId)?.name ?? e.serviceId;
        const topic = index.topics.get(e.topicId)?.name ?? e.topicId;
        return {
          elementId: e.id,
          message: `Service "${service}" retries records from "${topic}" (group "${e.consumerGroup}") but has no dead-letter topic: a record that fails every attempt is dropped or blocks the partition.`,
          fix: `Add a dlq topic (e.g. "${topic}.dlq") and set it as the dead-letter topic of this edge.`,
        };
      }),
};
