import type { LintRule, LintSource, RuleFinding } from './lint-types';

const DEFINITIVE_GUIDE_RELIABILITY: LintSource = {
  title: 'Kafka: The Definitive Guide, 2nd ed. (Shapira, Palino, Sivaram, Petty), ch. 7 "Reliable Data Delivery"',
  url: 'https://www.oreilly.com/library/view/kafka-the-definitive/9781492043072/',
};
const MIN_ISR_DOC: LintSource = {
  title: 'Apache Kafka documentation, topic config min.insync.replicas ("replication factor of 3, min.insync.replicas 2, acks all")',
  url: 'https://kafka.apache.org/documentation/#topicconfigs_min.insync.replicas',
};

export const replicationFactorRule: LintRule = {
  id: 'replication-factor-production',
  title: 'Production topics keep three replicas',
  severity: 'error',
  sources: [DEFINITIVE_GUIDE_RELIABILITY, MIN_ISR_DOC],
  check: ({ design, production }) =>
    production
      ? design.topics
          .filter((t) => t.replicationFactor < 3)
          .map((t) => ({
            elementId: t.id,
            message: `Topic "${t.name}" has replication factor ${t.replicationFactor} in production; with fewer than 3 replicas one broker failure either stops writes or risks losing them.`,
            fix: `Set the replication factor of "${t.name}" to 3 (and min.insync.replicas to 2).`,
          }))
      : [],
};

/**
 * min.insync.replicas = RF − 1 is the point where one broker may be down and acks=all writes still
 * succeed with a second copy. Above RF no acks=all write can ever succeed, so that is an error; the
 * other mismatches trade durability or availability and are warnings.
 */
export const minInsyncReplicasRule: LintRule = {
  id: 'min-insync-replicas',
  title: 'min.insync.replicas is replication factor − 1',
  severity: 'warning',
  sources: [MIN_ISR_DOC, DEFINITIVE_GUIDE_RELIABILITY],
  check: ({ design, production }) => {
    const findings: RuleFinding[] = [];
    for (const t of design.topics) {
      const rf = t.replicationFactor;
      const expected = Math.max(1, rf - 1);
      const raw = t.configs['min.insync.replicas'];
      const fix = `Set min.insync.replicas of "${t.name}" to ${expected}.`;
      if (raw === undefined) {
        if (production && rf >= 3) {
          findings.push({ elementId: t.id, message: `Topic "${t.name}" does not set min.insync.replicas, so the broker default applies (1 unless the cluster changed it): an acks=all write may be acknowledged by a single replica.`, fix });
        }
        continue;
      }
      const minIsr = Number(raw);
      if (!Number.isInteger(minIsr)) continue;
      if (minIsr > rf) {
        findings.push({ severity: 'error', elementId: t.id, message: `Topic "${t.name}" has min.insync.replicas ${minIsr} but only ${rf} replica${rf === 1 ? '' : 's'}: no write with acks=all can succeed.`, fix });
      } else if (minIsr === rf && rf > 1) {
        findings.push({ elementId: t.id, message: `Topic "${t.name}" has min.insync.replicas equal to its replication factor (${rf}): any one broker down stops acks=all writes.`, fix });
      } else if (minIsr < expected) {
        findings.push({ elementId: t.id, message: `Topic "${t.name}" has min.insync.replicas ${minIsr} with ${rf} replicas: an acknowledged write may exist on fewer copies than the topic can afford.`, fix });
      }
    }
    return findings;
  },
};

export const uncleanLeaderElectionRule: LintRule = {
  id: 'unclean-leader-election',
  title: 'Unclean leader election stays off',
  severity: 'error',
  sources: [
    { title: 'Apache Kafka documentation, topic config unclean.leader.election.enable ("even though doing so may result in data loss")', url: 'https://kafka.apache.org/documentation/#topicconfigs_unclean.leader.election.enable' },
    DEFINITIVE_GUIDE_RELIABILITY,
  ],
  check: ({ design, production }) =>
    design.topics
      .filter((t) => t.configs['unclean.leader.election.enable']?.trim() === 'true')
      .map((t) => ({
        severity: production ? 'error' : 'warning',
        elementId: t.id,
        message: `Topic "${t.name}" allows unclean leader election: an out-of-sync replica may become leader and acknowledged records are lost.`,
        fix: `Set unclean.leader.election.enable of "${t.name}" to false (or remove it; false is Kafka's default).`,
      })),
};
