import 'server-only';
import type { Producer } from 'kafkajs';
import { clusterConfig } from '@/lib/config/load-config';
import { kafkaClientFor } from './client-pool';

/**
 * One idempotent producer per cluster, shared by every produce request: a producer per request
 * would cost a connection and a producer id each time. Idempotence (which kafkajs pairs with
 * acks=all and one request in flight) means a retried send is written once.
 */
interface PooledProducer {
  producer: Producer;
  connected: Promise<void> | null;
}

const globalForProducers = globalThis as unknown as { keaProducers?: Map<string, PooledProducer> };
const producers = (globalForProducers.keaProducers ??= new Map());

export async function producerFor(clusterName: string): Promise<Producer> {
  let pooled = producers.get(clusterName);
  if (!pooled) {
    const producer = kafkaClientFor(clusterConfig(clusterName)).producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    pooled = { producer, connected: null };
    producers.set(clusterName, pooled);
  }
  const entry = pooled;
  entry.connected ??= entry.producer.connect().catch((e: unknown) => {
    entry.connected = null;
    throw e;
  });
  await entry.connected;
  return entry.producer;
}

export async function disconnectProducers(): Promise<void> {
  const all = [...producers.values()];
  producers.clear();
  await Promise.all(all.map((p) => p.producer.disconnect().catch(() => undefined)));
}

const STALE_PRODUCER_GRACE_MS = 30_000;

/**
 * Drops `stale` (if it is still the cluster's producer) so the next call builds a fresh one. kafkajs
 * keeps every topic a producer ever wrote to in its metadata requests; once another client deletes
 * one of them, every later send fails with UNKNOWN_TOPIC_OR_PARTITION (the admin has the same
 * trouble, see call.ts). Sends in flight on the old producer may finish; it is closed a little later.
 */
export function replaceProducer(clusterName: string, stale: Producer): void {
  const entry = producers.get(clusterName);
  if (entry?.producer !== stale) return;
  producers.delete(clusterName);
  setTimeout(() => void stale.disconnect().catch(() => undefined), STALE_PRODUCER_GRACE_MS).unref?.();
}
