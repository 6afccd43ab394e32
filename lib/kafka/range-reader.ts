import 'server-only';
import { ProtocolError, UnsupportedCompressionError, type fetchV17 } from '@platformatic/kafka';
import { ConsoleError, isConsoleError } from '@/lib/domain/console-error';
import type { ReadRange } from '@/lib/domain/messages/browse-plan';
import type { RawRecord } from '@/lib/domain/messages/decode-part';
import { toConsoleError } from './errors';
import { committedRecordsOf } from './fetched-records';
import { errorName, FETCH_TOPIC_IDS_SINCE, fetchVersionFor, leaderUnreachable, sessionlessFetch, topicMetadata, type FetchResponse } from './fetch-requests';
import { platformaticReaderFor } from './platformatic-client';
import type { RangeReadOptions, RangeReadResult } from './range-read';

/**
 * Reading ranges of a topic without a consumer group: Fetch requests sent straight to each
 * partition's leader, so a read costs no JoinGroup/SyncGroup/OffsetFetch, no
 * `group.initial.rebalance.delay.ms` (3 s on a default broker) and no DeleteGroups afterwards.
 * Leaders are fetched from in parallel; the callback is called for one partition at a time.
 *
 * The requests go through @platformatic/kafka's Fetch API functions (its encoder, parser and
 * decompression) on its pooled connections, rather than Consumer.fetch, for one reason: that
 * method sends session epoch 0, which makes the broker open an incremental fetch session for every
 * request (a slot in its cache of `max.incremental.fetch.session.cache.slots`, 1,000 by default,
 * held for minutes, which real consumers then compete for). Epoch -1 with session id 0 is a
 * sessionless full fetch, as kafkajs sends: nothing is left on the broker.
 *
 * Fetching runs one response ahead of the callback: as soon as a response is parsed, the next
 * fetch of its partitions goes out, and only then are its records handed over, so the broker reads
 * and sends the next records while this process decodes the last ones (at most one response waits
 * for the callback). `follow` turns a read into a live one (the tail, tail-source.ts): partitions
 * never end at their current end, each fetch waits on the broker for new records (maxWait), and the
 * read goes on until the callback says stop, the caller aborts, or the partitions' leaders stay
 * unreachable.
 */

/** Per-partition errors that mean our metadata is stale: refresh it and fetch again. */
const STALE_METADATA = new Set(['NOT_LEADER_OR_FOLLOWER', 'FENCED_LEADER_EPOCH', 'UNKNOWN_LEADER_EPOCH', 'LEADER_NOT_AVAILABLE', 'REPLICA_NOT_AVAILABLE', 'KAFKA_STORAGE_ERROR', 'OFFSET_NOT_AVAILABLE']);
/** The topic (or its id) is unknown to the leader: deleted, or recreated under a new id. */
const UNKNOWN_TOPIC = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'UNKNOWN_TOPIC_ID', 'INCONSISTENT_TOPIC_ID']);
/** Fetches of one partition that may fail on stale metadata before the read gives up (a leader election takes a few). */
const MAX_STALE_ATTEMPTS = 10;
/** Failed fetches in a row after which a followed partition is reported as stalled (an election usually takes fewer). */
export const STALL_REPORT_AFTER = 4;
/** Longest wait between two attempts on a followed partition whose leader is away. */
const FOLLOW_MAX_BACKOFF_MS = 2_000;
const EARLIEST = -2n;
const LATEST = -1n;
/** The end of a followed partition's range: the largest offset Kafka has. */
export const UNBOUNDED = 2n ** 63n - 1n;

export interface GrouplessReadOptions extends RangeReadOptions {
  /** Wait for new records at the partitions' end instead of ending there (use UNBOUNDED as `to`). timeoutMs and idleMs do not apply. */
  follow?: boolean;
  /** With follow: look this often for partitions added to the topic, and follow them from their start. */
  newPartitionsEveryMs?: number;
  /**
   * With follow, a partition whose leader cannot be reached (a broker down, an election) is
   * retried for as long as it takes instead of failing the read: this is called with the reason
   * once it has failed STALL_REPORT_AFTER times in a row, and with null when it is read again.
   */
  onStall?: (partition: number, reason: string | null) => void;
}

interface PartitionState {
  partition: number;
  to: bigint;
  /** Nothing more to fetch (range read, or the callback had enough); its last records may still be on their way to the callback. */
  done: boolean;
  /** Where its next fetch starts: one response ahead of the position the callback has reached. */
  fetchAt: bigint;
  inFlight: boolean;
  /** Consecutive fetches that failed on stale metadata, and the last error's name (and cause, for a network error). */
  staleAttempts: number;
  staleCode?: string;
  staleCause?: unknown;
  /** Not fetched again before this time (backoff after an error). */
  notBefore: number;
}

interface FetchOutcome {
  call: Promise<FetchOutcome>;
  states: PartitionState[];
  topicKey: string;
  /** The parsed response, also when some partitions failed (the library then rejects with it attached). */
  response?: FetchResponse;
  error?: unknown;
}


/** Records of one partition, parsed from a response and waiting for the callback. */
interface Delivery {
  state: PartitionState;
  records: RawRecord[];
  /** The position once they are delivered (past skipped batches too). */
  next: bigint;
}

export async function readRangesWithoutGroup(clusterName: string, topic: string, ranges: readonly ReadRange[], options: GrouplessReadOptions): Promise<RangeReadResult> {
  const follow = options.follow === true;
  const positions = new Map(ranges.map((r) => [r.partition, r.from]));
  const states = ranges.filter((r) => r.from < r.to).map((r): PartitionState => ({ partition: r.partition, to: r.to, done: false, fetchAt: r.from, inFlight: false, staleAttempts: 0, notBefore: 0 }));
  if (states.length === 0) return { positions, ended: 'complete' };
  if (options.signal?.aborted) return { positions, ended: 'aborted' };

  const reader = platformaticReaderFor(clusterName);
  const limits = { maxWait: options.consumerOptions?.maxWaitTimeInMs ?? 100, perPartition: options.consumerOptions?.maxBytesPerPartition ?? 1024 * 1024, total: options.consumerOptions?.maxBytes ?? 8 * 1024 * 1024 };
  const timeoutMs = follow ? Infinity : (options.timeoutMs ?? 20_000);
  const idleMs = follow ? Infinity : (options.idleMs ?? 3_000);
  const started = Date.now();
  let lastProgress = started;

  let ended: RangeReadResult['ended'] | null = null;
  const endWaiters = new Set<() => void>();
  const end = (why: RangeReadResult['ended']) => {
    if (ended) return;
    ended = why;
    for (const wake of endWaiters) wake();
    endWaiters.clear();
  };
  /**
   * The promise's outcome, or null as soon as the read ends. Not Promise.race with one long-lived
   * "ended" promise: each race leaves a reaction on it that holds the race's result until the
   * read ends, so every fetched response stayed in memory for as long as the read ran (a 1M
   * record search grew the heap to 650 MB, and a live tail would have grown without bound).
   */
  const unlessEnded = <T>(promise: Promise<T>): Promise<T | null> => {
    if (ended) return Promise.resolve(null);
    return new Promise<T | null>((resolve, reject) => {
      const wake = () => resolve(null);
      endWaiters.add(wake);
      promise.then(
        (value) => {
          endWaiters.delete(wake);
          resolve(value);
        },
        (error: unknown) => {
          endWaiters.delete(wake);
          reject(error);
        },
      );
    });
  };
  const onAbort = () => end('aborted');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const clock = follow
    ? undefined
    : setInterval(() => {
        if (Date.now() - started > timeoutMs) end('timeout');
        else if (Date.now() - lastProgress > idleMs) end('idle');
      }, 100);

  const cap = (state: PartitionState, to: bigint) => (to < state.to ? to : state.to);
  /** The callback has (or needs) nothing below `to`: the position moves there. */
  const advance = (state: PartitionState, to: bigint) => {
    const capped = cap(state, to);
    if (capped > positions.get(state.partition)!) {
      positions.set(state.partition, capped);
      lastProgress = Date.now();
    }
  };
  /** The next fetch of this partition starts at `to`; a range read is through once that reaches its end. */
  const fetchFrom = (state: PartitionState, to: bigint) => {
    const capped = cap(state, to);
    if (capped > state.fetchAt) state.fetchAt = capped;
    if (capped >= state.to) state.done = true;
  };

  /**
   * A fetch of this partition failed on stale metadata or an unreachable leader. A range read
   * gives up after MAX_STALE_ATTEMPTS; a followed partition keeps trying (unless its topic is
   * gone) and is reported as stalled.
   */
  const stale = (state: PartitionState, code: string, cause?: unknown) => {
    if (!follow || UNKNOWN_TOPIC.has(code)) return staleFailure(state, topic, code, cause);
    state.staleAttempts++;
    state.staleCode = code;
    state.staleCause = cause;
    state.notBefore = Date.now() + Math.min(FOLLOW_MAX_BACKOFF_MS, 50 * 2 ** Math.min(state.staleAttempts, 6));
    if (state.staleAttempts === STALL_REPORT_AFTER) options.onStall?.(state.partition, stallReason(state));
  };
  const readAgain = (state: PartitionState) => {
    if (follow && state.staleAttempts >= STALL_REPORT_AFTER) options.onStall?.(state.partition, null);
    state.staleAttempts = 0;
  };

  const inFlight = new Set<Promise<FetchOutcome>>();
  // Answered fetches wait here for the loop (rather than a Promise.race over the ones in flight,
  // which would leave a reaction holding each race's result on a fetch that stays out long).
  const arrived: FetchOutcome[] = [];
  let onArrival: (() => void) | null = null;
  try {
    const version = await fetchVersionFor(reader);
    const useIds = version >= FETCH_TOPIC_IDS_SINCE;
    let metadata = await topicMetadata(reader, clusterName, topic, false);
    let refresh = false;
    let partitionsCheckedAt = Date.now();
    /** A followed read whose metadata refresh failed tries again after this. */
    let metadataNotBefore = 0;
    /** Partitions the topic has gained since the read began: followed from their first record. */
    const addNewPartitions = () => {
      const count = metadata.topics.get(topic)!.partitionsCount;
      for (let partition = 0; partition < count; partition++) {
        if (positions.has(partition)) continue;
        positions.set(partition, 0n);
        states.push({ partition, to: UNBOUNDED, done: false, fetchAt: 0n, inFlight: false, staleAttempts: 0, notBefore: 0 });
      }
    };

    /** A fetch to each leader for its partitions that are not being fetched, done or backing off. */
    const sendFetches = () => {
      const topicMeta = metadata.topics.get(topic)!;
      const now = Date.now();
      const byLeader = new Map<number, PartitionState[]>();
      for (const s of states) {
        if (s.done || s.inFlight || s.notBefore > now) continue;
        const leader = topicMeta.partitions[s.partition]?.leader;
        if (leader === undefined) throw new ConsoleError({ category: 'not-found', message: `Topic "${topic}" has no partition ${s.partition} (it has ${topicMeta.partitionsCount}).`, retryable: false });
        if (leader < 0 || !metadata.brokers.has(leader)) {
          stale(s, 'LEADER_NOT_AVAILABLE');
          refresh = true;
          continue;
        }
        byLeader.set(leader, [...(byLeader.get(leader) ?? []), s]);
      }
      const topicKey = useIds ? topicMeta.id : topic;
      for (const [node, group] of byLeader) {
        for (const s of group) s.inFlight = true;
        // Rotated each time, so a partition whose first batch is larger than its share still comes first in some request (KIP-74 returns that one whole).
        const ordered = rotate(group, Math.floor(Math.random() * group.length));
        const request: fetchV17.FetchRequestTopic = {
          topicId: topicKey,
          partitions: ordered.map((s) => ({
            partition: s.partition,
            fetchOffset: s.fetchAt,
            currentLeaderEpoch: topicMeta.partitions[s.partition]!.leaderEpoch,
            lastFetchedEpoch: -1,
            partitionMaxBytes: limits.perPartition,
          })),
        };
        const call: Promise<FetchOutcome> = sessionlessFetch(reader, version, metadata.brokers.get(node)!, request, limits).then(
          (response) => ({ call, states: group, topicKey, response }),
          (error: unknown) => ({ call, states: group, topicKey, error, response: (error as { response?: FetchResponse }).response }),
        );
        inFlight.add(call);
        void call.then((outcome) => {
          arrived.push(outcome);
          const wake = onArrival;
          onArrival = null;
          wake?.();
        });
      }
    };
    /** The next fetch to answer (its outcome), in the order they answered. */
    const nextArrival = (): Promise<FetchOutcome> =>
      arrived.length ? Promise.resolve(arrived.shift()!) : new Promise((resolve) => (onArrival = () => resolve(arrived.shift()!)));

    while (!ended) {
      const active = states.filter((s) => !s.done);
      if (active.length === 0) {
        end('complete');
        break;
      }
      if (follow && options.newPartitionsEveryMs !== undefined && Date.now() - partitionsCheckedAt >= options.newPartitionsEveryMs) {
        refresh = true;
        partitionsCheckedAt = Date.now();
      }
      if (refresh && Date.now() >= metadataNotBefore) {
        try {
          metadata = await topicMetadata(reader, clusterName, topic, true);
          refresh = false;
          if (follow && options.newPartitionsEveryMs !== undefined) addNewPartitions();
        } catch (e) {
          if (!follow || (isConsoleError(e) && e.category === 'not-found')) throw e;
          // No answer (the cluster unreachable), or none the library accepts (it refuses the whole
          // topic while one partition has no leader): the partitions that needed it wait and are
          // reported; the others are read on from the leaders already known.
          for (const state of active) if (state.staleAttempts > 0) stale(state, 'METADATA', e);
          metadataNotBefore = Date.now() + FOLLOW_MAX_BACKOFF_MS;
        }
        if (ended) break;
      }
      sendFetches();

      if (inFlight.size === 0) {
        // Everything waits out a backoff.
        const wait = Math.max(10, Math.min(...active.map((s) => s.notBefore)) - Date.now());
        await unlessEnded(new Promise((r) => setTimeout(r, wait)));
        continue;
      }
      const outcome = await unlessEnded(nextArrival());
      if (!outcome || ended) break;
      for (const s of outcome.states) s.inFlight = false;
      inFlight.delete(outcome.call);

      const parsing = parseOutcome(outcome);
      parsing.catch(() => undefined);
      const parsed = await unlessEnded(parsing);
      if (parsed === null || ended) break;
      if (parsed.refresh) refresh = true;
      // The next fetch goes out before the callback runs (unless the leaders must be looked up first).
      else sendFetches();

      // Should the read end first (abort, time limit), the callback still running finishes on its own; its failure is nobody's.
      const delivering = deliver(parsed.deliveries);
      delivering.catch(() => undefined);
      const delivered = await unlessEnded(delivering);
      if (delivered === null || ended) break;
    }
    // A partition still looking for its leader when time ran out is a failure, not a quiet end.
    const failing = ended === 'idle' || ended === 'timeout' ? states.find((s) => !s.done && s.staleAttempts > 0) : undefined;
    if (failing) throw giveUp(failing, topic);
    return { positions, ended: ended ?? 'complete' };
  } catch (e) {
    throw toConsoleError(e, { clusterName, topic });
  } finally {
    if (clock) clearInterval(clock);
    options.signal?.removeEventListener('abort', onAbort);
    // A fetch still out when the read ended (abort, stop, time limit) is let finish and ignored.
    for (const call of inFlight) void call.catch(() => undefined);
  }

  /** What a response brings: each partition's records (not yet delivered) and where it is fetched next; errors dealt with. */
  async function parseOutcome(outcome: FetchOutcome): Promise<{ refresh: boolean; deliveries: Delivery[] }> {
    const { response, error } = outcome;
    if (!response) {
      if ((error as { code?: string })?.code === UnsupportedCompressionError.code) {
        const partitions = outcome.states.map((st) => st.partition).join(', ');
        throw new ConsoleError({ category: 'unsupported', message: `Records of topic "${topic}" (partition ${partitions}) are compressed in a way this server cannot read: ${(error as Error).message}.`, retryable: false }, { cause: error });
      }
      if (!leaderUnreachable(error)) throw error;
      // The leader did not answer (down, moved, timed out): find the leaders again, up to the same limit as a stale leader.
      for (const state of outcome.states) stale(state, 'NETWORK', error);
      return { refresh: true, deliveries: [] };
    }
    if (response.errorCode !== 0) throw error ?? new ProtocolError(response.errorCode);
    let refresh = false;
    const deliveries: Delivery[] = [];
    const byPartition = new Map<number, fetchV17.FetchResponsePartition>();
    for (const t of response.responses) if (t.topicId === outcome.topicKey) for (const p of t.partitions) byPartition.set(p.partitionIndex, p);

    for (const state of outcome.states) {
      if (ended || state.done) continue;
      const data = byPartition.get(state.partition);
      if (!data) continue;
      if (data.errorCode !== 0) {
        const code = errorName(data.errorCode);
        if (code === 'OFFSET_OUT_OF_RANGE') await outOfRange(state);
        else if (STALE_METADATA.has(code) || UNKNOWN_TOPIC.has(code)) {
          stale(state, code);
          refresh = true;
        } else throw new ProtocolError(data.errorCode);
        continue;
      }
      readAgain(state);
      const from = state.fetchAt;
      const { records, nextOffset } = committedRecordsOf(topic, state.partition, data, from, state.to);
      const lastRead = records.length ? BigInt(records.at(-1)!.offset) + 1n : from;
      const next = nextOffset !== null && nextOffset > lastRead ? nextOffset : lastRead;
      fetchFrom(state, next);
      // Nothing more to read for now: the range was planned beyond what the partition holds.
      if (!follow && data.highWatermark >= 0n && data.highWatermark <= state.fetchAt) state.done = true;
      if (records.length) deliveries.push({ state, records, next });
      else advance(state, next);
    }
    return { refresh, deliveries };
  }

  /** Hands parsed records to the callback, one partition at a time, and moves the positions. */
  async function deliver(deliveries: readonly Delivery[]): Promise<void> {
    for (const { state, records, next } of deliveries) {
      if (ended) return;
      advance(state, next);
      const verdict = await options.onRecords(state.partition, records);
      if (verdict === 'stop') return end('stopped');
      if (verdict === 'partition-done') state.done = true;
    }
  }

  /**
   * The position is below the log start (retention or deleteRecords moved it): go on from there.
   * Or past the log end (the topic was truncated or recreated): a range read has nothing to read;
   * a followed partition goes on from the new end.
   */
  async function outOfRange(state: PartitionState) {
    const offsetAt = async (timestamp: bigint) => (await reader.listOffsets({ topics: [topic], partitions: { [topic]: [state.partition] }, timestamp })).get(topic)?.[state.partition];
    const logStart = await offsetAt(EARLIEST);
    if (logStart !== undefined && logStart > state.fetchAt) {
      fetchFrom(state, logStart);
      advance(state, logStart);
      return;
    }
    if (!follow) {
      state.done = true;
      return;
    }
    const logEnd = await offsetAt(LATEST);
    if (logEnd === undefined) return;
    state.fetchAt = logEnd;
    positions.set(state.partition, logEnd);
  }
}

function staleFailure(state: PartitionState, topic: string, code: string, cause?: unknown) {
  state.staleAttempts++;
  state.staleCode = code;
  state.staleCause = cause;
  if (state.staleAttempts > MAX_STALE_ATTEMPTS) throw giveUp(state, topic);
  state.notBefore = Date.now() + Math.min(1_000, 50 * 2 ** state.staleAttempts);
}

/** Why a followed partition cannot be read, for the viewer: the innermost cause of a network error names the broker. */
function stallReason(state: PartitionState): string {
  if (state.staleCode === 'NETWORK') {
    let cause = state.staleCause as { message?: string; cause?: unknown } | undefined;
    while (cause?.cause) cause = cause.cause as typeof cause;
    return `its leader does not answer${cause?.message ? ` (${cause.message})` : ''}.`;
  }
  if (state.staleCode === 'METADATA') return 'no leader is known for it: the topic\'s metadata cannot be read now.';
  if (state.staleCode === 'LEADER_NOT_AVAILABLE') return 'it has no leader: the brokers of its replicas are down, or one is being elected.';
  return `its leadership is moving (${state.staleCode}).`;
}

function giveUp(state: PartitionState, topic: string): unknown {
  const code = state.staleCode ?? 'LEADER_NOT_AVAILABLE';
  if (state.staleCause) return state.staleCause;
  if (UNKNOWN_TOPIC.has(code)) return new ConsoleError({ category: 'not-found', message: `Topic "${topic}" does not exist (partition ${state.partition}: ${code}).`, retryable: false });
  return new ConsoleError({ category: 'unavailable', message: `Partition ${state.partition} of topic "${topic}" has no reachable leader (${code}). Check the brokers.`, retryable: true });
}

function rotate<T>(items: T[], by: number): T[] {
  return [...items.slice(by), ...items.slice(0, by)];
}
