import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * patches/kafkajs+2.2.4.patch (applied by patch-package on install). First: an idle kafkajs connection
 * must not keep a timer. Unpatched, checkPendingRequests arms a setTimeout with a negative delay
 * whenever nothing is pending, whose callback arms the next one: every connection the console
 * holds (admin, producer) spun once a millisecond, about 5 % of a core on an idle server.
 */
const require = createRequire(import.meta.url);
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as new (options: object) => {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
};
const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const queues: InstanceType<typeof RequestQueue>[] = [];
const newQueue = () => {
  const queue = new RequestQueue({ maxInFlightRequests: null, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'localhost:9092', logger: silent });
  queues.push(queue);
  return queue;
};

afterEach(() => {
  for (const q of queues.splice(0)) if (q.throttleCheckTimeoutId) clearTimeout(q.throttleCheckTimeoutId);
});

describe('kafkajs request queue (patched)', () => {
  it('arms no timer when nothing is pending and nothing is throttled', () => {
    const queue = newQueue();
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a check for the end of a throttle', () => {
    const queue = newQueue();
    queue.throttledUntil = Date.now() + 1_000;
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
  });

  it('still schedules a check while requests are pending', () => {
    const queue = newQueue();
    queue.pending.push({});
    queue.scheduleCheckPendingRequests();
    expect(queue.throttleCheckTimeoutId).not.toBeNull();
  });
});

describe('kafkajs metadata response (patched)', () => {
  const { parse } = require('kafkajs/src/protocol/requests/metadata/v0/response.js') as { parse: (data: object) => Promise<{ topicMetadata: { partitionMetadata: { leader: number }[] }[] }> };
  const response = (topicErrorCode: number, partitionErrorCodes: number[]) => ({
    brokers: [{ nodeId: 1, host: 'localhost', port: 9092 }],
    topicMetadata: [{ topicErrorCode, topic: 't', partitionMetadata: partitionErrorCodes.map((code, partitionId) => ({ partitionErrorCode: code, partitionId, leader: code === 0 ? 1 : -1, replicas: [3], isr: [] })) }],
  });

  it('keeps a partition without a leader (LEADER_NOT_AVAILABLE, REPLICA_NOT_AVAILABLE) rather than failing the whole answer', async () => {
    const parsed = await parse(response(0, [0, 5, 9]));
    expect(parsed.topicMetadata[0]!.partitionMetadata.map((p) => p.leader)).toEqual([1, -1, -1]);
  });

  it('still fails on a topic error and on other partition errors', async () => {
    await expect(parse(response(3, [0]))).rejects.toMatchObject({ type: 'UNKNOWN_TOPIC_OR_PARTITION' });
    await expect(parse(response(0, [0, 74]))).rejects.toMatchObject({ type: 'FENCED_LEADER_EPOCH' });
  });
});
