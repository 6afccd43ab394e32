import type { DesignDocument } from '../model';

/**
 * What the designer's live overlay shows, computed from plain readings so it is tested without a
 * cluster: produce rates from end-offset deltas, lag and state per consume edge, and drift between
 * the design and the cluster.
 */
export interface LiveOverlayFrame {
  sampledAt: number;
  /** Records per second written to each topic, by topic element id; absent until two readings exist. */
  topicRates: Record<string, number>;
  /** By consumes-edge id. */
  groups: Record<string, { lag: number | null; state: string; members: number }>;
  /** Element ids of topics in the design but not in the cluster. */
  missing: string[];
  /** Topic names in the cluster that the design does not describe. */
  extra: string[];
}

export interface EndOffsetReading {
  at: number;
  /** Sum of high watermarks per topic name. */
  totals: Record<string, bigint>;
}

export interface GroupReading {
  state: string;
  members: number;
  /** The group's committed offsets, as the lag sampler read them. */
  committed: readonly { topic: string; partition: number; offset: string | null }[];
}

/** Sum of high watermarks per topic. */
export function endOffsetTotals(highs: Record<string, Record<number, bigint>>): Record<string, bigint> {
  return Object.fromEntries(Object.entries(highs).map(([topic, partitions]) => [topic, Object.values(partitions).reduce((a, b) => a + b, 0n)]));
}

/**
 * A group's lag on the given topics: end offset minus committed offset, summed over the partitions
 * it has committed. Null when none of them can be computed (no commit yet, or no watermark).
 */
export function groupLag(committed: GroupReading['committed'], highs: Record<string, Record<number, bigint>>, topics: ReadonlySet<string>): number | null {
  let known = false;
  let lag = 0n;
  for (const c of committed) {
    if (!topics.has(c.topic) || c.offset === null) continue;
    const high = highs[c.topic]?.[c.partition];
    if (high === undefined) continue;
    known = true;
    const offset = BigInt(c.offset);
    if (high > offset) lag += high - offset;
  }
  return known ? Number(lag) : null;
}

export function produceRates(previous: EndOffsetReading | null, current: EndOffsetReading): Record<string, number> {
  if (!previous || current.at <= previous.at) return {};
  const seconds = (current.at - previous.at) / 1000;
  const out: Record<string, number> = {};
  for (const [topic, total] of Object.entries(current.totals)) {
    const before = previous.totals[topic];
    // A topic recreated in between has lower offsets: no rate rather than a negative one.
    if (before === undefined || total < before) continue;
    out[topic] = Number(total - before) / seconds;
  }
  return out;
}

export function liveOverlayFrame(
  design: DesignDocument,
  input: { at: number; clusterTopics: readonly string[]; rates: Record<string, number>; highs: Record<string, Record<number, bigint>>; groups: ReadonlyMap<string, GroupReading> },
): LiveOverlayFrame {
  const clusterTopics = new Set(input.clusterTopics);
  const designed = new Set(design.topics.map((t) => t.name));
  const topicRates: Record<string, number> = {};
  for (const t of design.topics) {
    const rate = input.rates[t.name];
    if (rate !== undefined) topicRates[t.id] = rate;
  }
  const groups: LiveOverlayFrame['groups'] = {};
  const topicNameById = new Map(design.topics.map((t) => [t.id, t.name]));
  for (const e of design.edges) {
    if (e.kind !== 'consumes') continue;
    const g = input.groups.get(e.consumerGroup);
    const topic = topicNameById.get(e.topicId);
    groups[e.id] = g ? { lag: topic ? groupLag(g.committed, input.highs, new Set([topic])) : null, state: g.state, members: g.members } : { lag: null, state: 'not in cluster', members: 0 };
  }
  return {
    sampledAt: input.at,
    topicRates,
    groups,
    missing: design.topics.filter((t) => !clusterTopics.has(t.name)).map((t) => t.id),
    extra: [...clusterTopics].filter((t) => !designed.has(t)).sort(),
  };
}
