import 'server-only';
import { ConsoleError, isConsoleError, type ConsoleErrorCategory } from '@/lib/domain/console-error';

interface KafkaJsLikeError {
  name?: string;
  message?: string;
  type?: string;
  retriable?: boolean;
  topic?: string;
  errors?: unknown[];
  /** KafkaJSDeleteTopicRecordsError: per-partition failures. */
  partitions?: { error?: unknown }[];
  originalError?: unknown;
  /** @platformatic/kafka's ProtocolError: the error's name and the broker's own message. */
  apiId?: string;
  serverErrorMessage?: string | null;
}

const PROTOCOL_CATEGORIES: Record<string, ConsoleErrorCategory> = {
  TOPIC_ALREADY_EXISTS: 'already-exists',
  UNKNOWN_TOPIC_OR_PARTITION: 'not-found',
  INVALID_TOPIC_EXCEPTION: 'invalid-input',
  INVALID_PARTITIONS: 'invalid-input',
  INVALID_REPLICATION_FACTOR: 'invalid-input',
  INVALID_REPLICA_ASSIGNMENT: 'invalid-input',
  INVALID_CONFIG: 'invalid-input',
  INVALID_REQUEST: 'invalid-input',
  POLICY_VIOLATION: 'invalid-input',
  OFFSET_OUT_OF_RANGE: 'invalid-input',
  TOPIC_AUTHORIZATION_FAILED: 'forbidden',
  CLUSTER_AUTHORIZATION_FAILED: 'forbidden',
  GROUP_AUTHORIZATION_FAILED: 'forbidden',
  SASL_AUTHENTICATION_FAILED: 'forbidden',
  TOPIC_DELETION_DISABLED: 'unsupported',
  UNSUPPORTED_VERSION: 'unsupported',
  REQUEST_TIMED_OUT: 'timeout',
  REASSIGNMENT_IN_PROGRESS: 'conflict',
  NOT_CONTROLLER: 'unavailable',
  LEADER_NOT_AVAILABLE: 'unavailable',
  NOT_LEADER_FOR_PARTITION: 'unavailable',
  BROKER_NOT_AVAILABLE: 'unavailable',
};

const PROTOCOL_MESSAGES: Record<string, (topic?: string) => string> = {
  TOPIC_ALREADY_EXISTS: (t) => `Topic "${t}" already exists.`,
  UNKNOWN_TOPIC_OR_PARTITION: (t) => (t ? `Topic "${t}" does not exist (or the partition is unknown).` : 'The topic or partition does not exist.'),
  INVALID_REPLICATION_FACTOR: () => 'The replication factor is larger than the number of available brokers.',
  INVALID_CONFIG: () => 'The broker rejected a config: the key is unknown or its value is invalid.',
  TOPIC_DELETION_DISABLED: () => 'Topic deletion is disabled on this cluster (delete.topic.enable=false).',
};

function firstNested(e: KafkaJsLikeError): KafkaJsLikeError | undefined {
  if (Array.isArray(e.errors) && e.errors.length > 0) return e.errors[0] as KafkaJsLikeError;
  if (e.originalError && typeof e.originalError === 'object') return e.originalError as KafkaJsLikeError;
  // KafkaJSNumberOfRetriesExceeded keeps the last failure as the standard `cause`.
  const cause = (e as { cause?: unknown }).cause;
  if (cause && typeof cause === 'object') return cause as KafkaJsLikeError;
  const failedPartition = e.partitions?.find((p) => p.error);
  if (failedPartition) return failedPartition.error as KafkaJsLikeError;
  return undefined;
}

/**
 * Turns whatever kafkajs threw into the console's one error type. kafkajs wraps errors (retries
 * exhausted → original error; aggregate → per-topic errors), so unwrap to the most specific cause.
 */
export function toConsoleError(error: unknown, context: { clusterName?: string; topic?: string } = {}): ConsoleError {
  if (isConsoleError(error)) return error;
  let e = (error ?? {}) as KafkaJsLikeError;
  for (let depth = 0; depth < 5; depth++) {
    const inner = firstNested(e);
    if (!inner) break;
    e = inner;
  }
  const topic = e.topic ?? context.topic;
  const type = e.type ?? e.apiId;
  if (type && PROTOCOL_CATEGORIES[type]) {
    const category = PROTOCOL_CATEGORIES[type]!;
    // The broker's own message names the key and the rule (kafkajs drops it; @platformatic/kafka keeps it).
    const message = e.serverErrorMessage ? `${e.serverErrorMessage} (${type})` : (PROTOCOL_MESSAGES[type]?.(topic) ?? `${e.message ?? type} (${type})`);
    return new ConsoleError({ category, message, retryable: e.retriable ?? category === 'unavailable' }, { cause: error });
  }
  const name = e.name ?? '';
  const where = context.clusterName ? `cluster "${context.clusterName}"` : 'the cluster';
  if (/Connection|BrokerNotFound|NumberOfRetriesExceeded|ECONNREFUSED|ENOTFOUND/i.test(`${name} ${e.message ?? ''}`)) {
    return new ConsoleError(
      { category: 'unavailable', message: `Cannot reach ${where}: ${e.message ?? 'connection failed'}. Check that its brokers are running and the bootstrap servers are right.`, retryable: true },
      { cause: error },
    );
  }
  if (/Timeout/i.test(name)) {
    return new ConsoleError({ category: 'timeout', message: `${where} did not answer in time: ${e.message ?? ''}`.trim(), retryable: true }, { cause: error });
  }
  return new ConsoleError({ category: 'internal', message: e.message ?? String(error), retryable: false }, { cause: error });
}

/**
 * True when kafkajs failed because a topic it asked about is unknown. kafkajs keeps every topic an
 * admin ever named in its metadata requests; once another client deletes one of them, calls naming
 * other topics fail this way too, for good, until the admin is replaced (see call.ts, groups-admin.ts).
 */
export function isUnknownTopicError(error: unknown): boolean {
  let e = error as KafkaJsLikeError | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (e.type === 'UNKNOWN_TOPIC_OR_PARTITION') return true;
    e = firstNested(e);
  }
  return false;
}
