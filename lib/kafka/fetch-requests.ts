import 'server-only';
import { FetchIsolationLevels, NetworkError, ProtocolError, UserError, fetchV12, fetchV13, fetchV14, fetchV15, fetchV16, fetchV17, type ClusterMetadata, type Consumer } from '@platformatic/kafka';
import { ConsoleError } from '@/lib/domain/console-error';
import { toConsoleError } from './errors';

/**
 * The requests range-reader.ts sends through @platformatic/kafka: a sessionless Fetch with the
 * library's own encoder and parser, the topic's metadata, and how their errors read.
 */

/** Fetch v13 (Kafka 3.1) names topics by id; v12 by name, in the same field. */
export const FETCH_TOPIC_IDS_SINCE = 13;
/** Session id 0 with the final epoch: a full fetch that opens no session (Kafka's FetchMetadata.LEGACY). */
const NO_SESSION = { id: 0, epoch: -1 } as const;
const FETCH_APIS = { 12: fetchV12.api, 13: fetchV13.api, 14: fetchV14.api, 15: fetchV15.api, 16: fetchV16.api, 17: fetchV17.api } as const;
export type FetchVersion = keyof typeof FETCH_APIS;
export type FetchResponse = fetchV17.FetchResponse;

const fetchVersions = new WeakMap<Consumer, Promise<FetchVersion>>();

/** The newest Fetch version both the broker and the library speak (the library has v12 to v17). */
export async function fetchVersionFor(reader: Consumer): Promise<FetchVersion> {
  let known = fetchVersions.get(reader);
  if (!known) {
    known = reader.listApis().then((apis) => {
      const max = apis.find((a) => a.name === 'Fetch')?.maxVersion ?? 0;
      if (max < 12) throw new ConsoleError({ category: 'unsupported', message: `The broker speaks Fetch up to v${max}; reading records needs v12 (Kafka 2.7 or later).`, retryable: false });
      return Math.min(max, 17) as FetchVersion;
    });
    fetchVersions.set(reader, known);
    known.catch(() => fetchVersions.delete(reader));
  }
  return known;
}

/** One Fetch request that opens no fetch session on the broker (its answer's session id is 0; an integration test checks). */
export async function sessionlessFetch(reader: Consumer, version: FetchVersion, broker: { host: string; port: number }, request: fetchV17.FetchRequestTopic, limits: { maxWait: number; total: number }): Promise<FetchResponse> {
  const connection = await reader.connections.get(broker);
  return FETCH_APIS[version].async(connection, limits.maxWait, 1, limits.total, FetchIsolationLevels.READ_COMMITTED, NO_SESSION.id, NO_SESSION.epoch, [request], [], '');
}

/** The topic's metadata (leaders, epochs, id), refreshed when asked; a topic that does not exist is not-found. */
export async function topicMetadata(reader: Consumer, clusterName: string, topic: string, forceUpdate: boolean): Promise<ClusterMetadata> {
  try {
    const metadata = await reader.metadata({ topics: [topic], forceUpdate });
    if (!metadata.topics.get(topic)) throw notFound(topic);
    return metadata;
  } catch (e) {
    // The library turns UNKNOWN_TOPIC_OR_PARTITION in a metadata response into this UserError.
    if (e instanceof UserError && /^Unknown topic/.test(e.message)) throw notFound(topic);
    throw toConsoleError(e, { clusterName, topic });
  }
}

const notFound = (topic: string) => new ConsoleError({ category: 'not-found', message: `Topic "${topic}" does not exist.`, retryable: false });

/** Connection refused or lost, a request timed out (the library's TimeoutError has the network code), or the leader left the cluster. */
export function leaderUnreachable(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === NetworkError.code || (error instanceof UserError && /Cannot find broker/.test(e.message ?? ''));
}

/** Kafka's name of an error code, e.g. OFFSET_OUT_OF_RANGE. */
export function errorName(code: number): string {
  try {
    return (new ProtocolError(code) as unknown as { apiId: string }).apiId;
  } catch {
    return `ERROR_${code}`;
  }
}
