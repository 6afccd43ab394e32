import 'server-only';
import { Kafka, logLevel, type Admin, type KafkaConfig, type SASLOptions } from 'kafkajs';
import type { ClusterConfig } from '@/lib/domain/config/console-config';
import { clusterConfig } from '@/lib/config/load-config';
import { logger } from '@/lib/log/logger';
import { closePlatformaticAdmins } from './platformatic-client';
import { clusterTlsOf } from './cluster-tls';

const kafkaLog = logger.child({ component: 'kafkajs' });

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

function saslOf(c: ClusterConfig): SASLOptions | undefined {
  if (!c.sasl) return undefined;
  const { mechanism, username, password } = c.sasl;
  return { mechanism, username, password } as SASLOptions;
}

function sslOf(c: ClusterConfig): KafkaConfig['ssl'] {
  const tls = clusterTlsOf(c);
  return tls === null ? undefined : Object.keys(tls).length === 0 ? true : tls;
}

export function kafkaClientFor(c: ClusterConfig): Kafka {
  return new Kafka({
    clientId: 'kafka-event-architect',
    brokers: c.bootstrapServers,
    ssl: sslOf(c),
    sasl: saslOf(c),
    // Fail fast: a console must say "cluster down" in seconds, not after kafkajs's default minute of retries.
    connectionTimeout: 3000,
    requestTimeout: 15000,
    retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        kafkaLog[LEVELS[level] ?? 'info']({ cluster: c.name, ...extra }, message);
      },
  });
}

interface PooledAdmin {
  admin: Admin;
  connected: Promise<void> | null;
}

const globalForPool = globalThis as unknown as { keaAdmins?: Map<string, PooledAdmin> };
const admins = (globalForPool.keaAdmins ??= new Map());

/**
 * One connected admin client per cluster, shared by every request. A failed connect is forgotten
 * so the next request tries again (the cluster may come back).
 */
export async function adminFor(clusterName: string): Promise<Admin> {
  let pooled = admins.get(clusterName);
  if (!pooled) {
    pooled = { admin: kafkaClientFor(clusterConfig(clusterName)).admin(), connected: null };
    admins.set(clusterName, pooled);
  }
  const entry = pooled;
  entry.connected ??= entry.admin.connect().catch((e: unknown) => {
    entry.connected = null;
    throw e;
  });
  await entry.connected;
  return entry.admin;
}

const STALE_ADMIN_GRACE_MS = 30_000;

/**
 * Replaces `stale` (if it is still the cluster's admin) so the next call builds a fresh one; calls
 * in flight on the old client may still finish, so it is closed a little later.
 */
export function replaceAdmin(clusterName: string, stale: Admin): void {
  if (admins.get(clusterName)?.admin !== stale) return;
  admins.delete(clusterName);
  setTimeout(() => void stale.disconnect().catch(() => undefined), STALE_ADMIN_GRACE_MS).unref?.();
}

/** Drops a cluster's admin (after it proved broken) so the next call builds a fresh one. */
export async function resetAdmin(clusterName: string): Promise<void> {
  const pooled = admins.get(clusterName);
  admins.delete(clusterName);
  await pooled?.admin.disconnect().catch(() => undefined);
}

export async function disconnectAll(): Promise<void> {
  const all = [...admins.values()];
  admins.clear();
  await Promise.all([...all.map((p) => p.admin.disconnect().catch(() => undefined)), closePlatformaticAdmins()]);
}
