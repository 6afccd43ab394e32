import type { LintRule, LintSource, RuleFinding } from './lint-types';

const SEMANTICS: LintSource = { title: 'Apache Kafka documentation, "Message Delivery Semantics"', url: 'https://kafka.apache.org/documentation/#semantics' };

export const exactlyOnceProducerRule: LintRule = {
  id: 'exactly-once-producer',
  title: 'Exactly-once producers are idempotent and transactional',
  severity: 'error',
  sources: [
    SEMANTICS,
    { title: 'Apache Kafka documentation, producer config transactional.id', url: 'https://kafka.apache.org/documentation/#producerconfigs_transactional.id' },
    { title: 'KIP-98: Exactly Once Delivery and Transactional Messaging', url: 'https://cwiki.apache.org/confluence/display/KAFKA/KIP-98+-+Exactly+Once+Delivery+and+Transactional+Messaging' },
  ],
  check: ({ index }) => {
    const findings: RuleFinding[] = [];
    for (const e of index.produces) {
      if (e.delivery !== 'exactly-once') continue;
      const missing = [!e.idempotence && 'idempotence (enable.idempotence=true)', !e.transactional && 'transactions (a transactional.id)'].filter((m): m is string => Boolean(m));
      if (missing.length === 0) continue;
      const service = index.services.get(e.serviceId)?.name ?? e.serviceId;
      const topic = index.topics.get(e.topicId)?.name ?? e.topicId;
      findings.push({
        elementId: e.id,
        message: `Service "${service}" produces to "${topic}" exactly-once but without ${missing.join(' and ')}: retries can duplicate records and a crash can leave half a batch visible.`,
        fix: `Turn on idempotence and transactions for this producer, or call its delivery at-least-once.`,
      });
    }
    return findings;
  },
};

export const idempotenceAcksRule: LintRule = {
  id: 'idempotence-needs-acks-all',
  title: 'Idempotent producers use acks=all',
  severity: 'error',
  sources: [{ title: 'Apache Kafka documentation, producer config enable.idempotence ("acks must be \'all\'"; incompatible values throw a ConfigException)', url: 'https://kafka.apache.org/documentation/#producerconfigs_enable.idempotence' }],
  check: ({ index }) =>
    index.produces
      .filter((e) => (e.idempotence || e.transactional) && e.acks !== 'all')
      .map((e) => ({
        elementId: e.id,
        message: `Service "${index.services.get(e.serviceId)?.name ?? e.serviceId}" produces to "${index.topics.get(e.topicId)?.name ?? e.topicId}" idempotently with acks=${e.acks}; the Kafka client refuses that combination at startup.`,
        fix: 'Set acks to all, or turn idempotence and transactions off.',
      })),
};

/** Transactions only hide aborted records from consumers that ask for committed data. */
export const exactlyOnceConsumerRule: LintRule = {
  id: 'exactly-once-consumer',
  title: 'Exactly-once consumers read committed records',
  severity: 'error',
  sources: [SEMANTICS, { title: 'Apache Kafka documentation, consumer config isolation.level', url: 'https://kafka.apache.org/documentation/#consumerconfigs_isolation.level' }],
  check: ({ index }) =>
    index.consumes
      .filter((e) => e.delivery === 'exactly-once' && e.isolationLevel !== 'read_committed')
      .map((e) => ({
        elementId: e.id,
        message: `Consumer group "${e.consumerGroup}" reads "${index.topics.get(e.topicId)?.name ?? e.topicId}" exactly-once but with isolation.level=read_uncommitted: it sees records of aborted transactions.`,
        fix: 'Set isolation level read_committed for this consumer.',
      })),
};
