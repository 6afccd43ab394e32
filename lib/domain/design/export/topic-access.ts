import type { DesignDocument } from '../model';

/**
 * Who reads and writes which topic, including what a consumer's retry policy implies but the
 * design draws as one edge: a consumer with retry topics writes to each of them and reads them
 * back in the same group, and writes to its dead-letter topic. ACLs and AsyncAPI operations both
 * need these, or the retry path fails on the first authorization check.
 */
export interface TopicAccess {
  serviceId: string;
  topicId: string;
  access: 'produce' | 'consume';
  /** Set for consume access. */
  consumerGroup: string | null;
  /** The design edge this access comes from. */
  edgeId: string;
  /** Null for the edge itself; otherwise the retry hop it is implied by. */
  derived: { kind: 'retry'; attempt: number } | { kind: 'dlq' } | null;
}

/** In edge order; an edge's implied accesses follow it. Edges to unknown topics or services are left out (validate.ts reports them). */
export function topicAccesses(design: DesignDocument): TopicAccess[] {
  const topics = new Set(design.topics.map((t) => t.id));
  const services = new Set(design.services.map((s) => s.id));
  const result: TopicAccess[] = [];
  for (const edge of design.edges) {
    if (!services.has(edge.serviceId) || !topics.has(edge.topicId)) continue;
    const base = { serviceId: edge.serviceId, edgeId: edge.id };
    if (edge.kind === 'produces') {
      result.push({ ...base, topicId: edge.topicId, access: 'produce', consumerGroup: null, derived: null });
      continue;
    }
    result.push({ ...base, topicId: edge.topicId, access: 'consume', consumerGroup: edge.consumerGroup, derived: null });
    if (!edge.retry) continue;
    edge.retry.retryTopicIds.forEach((topicId, i) => {
      if (!topics.has(topicId)) return;
      const derived = { kind: 'retry' as const, attempt: i + 2 };
      result.push({ ...base, topicId, access: 'produce', consumerGroup: null, derived });
      result.push({ ...base, topicId, access: 'consume', consumerGroup: edge.consumerGroup, derived });
    });
    const dlq = edge.retry.dlqTopicId;
    if (dlq && topics.has(dlq)) result.push({ ...base, topicId: dlq, access: 'produce', consumerGroup: null, derived: { kind: 'dlq' } });
  }
  return result;
}
