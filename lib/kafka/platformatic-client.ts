import 'server-only';
import { Admin, Consumer, FetchIsolationLevels, type ConnectionOptions } from '@platformatic/kafka';
import type { ClusterConfig } from '@/lib/domain/config/console-config';
import { clusterConfig } from '@/lib/config/load-config';
import { clusterTlsOf } from './cluster-tls';

/**
 * @platformatic/kafka, for the Kafka APIs kafkajs 2.2 does not have (ListGroups v5 for KIP-848
 * groups; IncrementalAlterConfigs; an OffsetCommit sent from outside the group; a Fetch with no
 * group at all, see range-reader.ts). Same cluster settings, same fail-fast timeouts as the kafkajs clients in
 * client-pool.ts.
 */
export function connectionOptionsFor(c: ClusterConfig): ConnectionOptions {
  const tls = clusterTlsOf(c);
  const sasl = c.sasl ? { mechanism: c.sasl.mechanism.toUpperCase() as 'PLAIN' | 'SCRAM-SHA-256' | 'SCRAM-SHA-512', username: c.sasl.username, password: c.sasl.password } : undefined;
  return { connectTimeout: 3000, requestTimeout: 15000, ...(tls ? { tls } : {}), ...(sasl ? { sasl } : {}) };
}

const globalForPool = globalThis as unknown as { keaPlatformaticAdmins?: Map<string, Admin>; keaPlatformaticReaders?: Map<string, Consumer> };
const admins = (globalForPool.keaPlatformaticAdmins ??= new Map());
const readers = (globalForPool.keaPlatformaticReaders ??= new Map());

/** One admin per cluster; it connects lazily on its first call and reconnects by itself. */
export function platformaticAdminFor(clusterName: string): Admin {
  let admin = admins.get(clusterName);
  if (!admin || admin.closed) {
    const c = clusterConfig(clusterName);
    admin = new Admin({ clientId: 'kafka-event-architect', bootstrapBrokers: c.bootstrapServers, retries: 2, retryDelay: 200, ...connectionOptionsFor(c) });
    admins.set(clusterName, admin);
  }
  return admin;
}

/**
 * The name a Consumer must be given. The range reader only sends Metadata, ListOffsets and Fetch,
 * none of which names a group, so no group of this name ever exists on the cluster.
 */
export const READER_GROUP_ID = 'kea-range-reader-never-joined';

/**
 * One record reader per cluster, for range-reader.ts: its connections (one per broker) are shared
 * by every read. Its retries cover Metadata, ApiVersions and ListOffsets; fetches are retried by the
 * reader itself, per partition, after a metadata refresh.
 */
export function platformaticReaderFor(clusterName: string): Consumer {
  let reader = readers.get(clusterName);
  if (!reader || reader.closed) {
    const c = clusterConfig(clusterName);
    reader = new Consumer({
      clientId: 'kafka-event-architect',
      groupId: READER_GROUP_ID,
      bootstrapBrokers: c.bootstrapServers,
      retries: 2,
      retryDelay: 200,
      autocommit: false,
      isolationLevel: FetchIsolationLevels.READ_COMMITTED,
      ...connectionOptionsFor(c),
    });
    readers.set(clusterName, reader);
  }
  return reader;
}

/** Closes every admin and reader made so far (tests, shutdown). */
export async function closePlatformaticAdmins(): Promise<void> {
  const all = [...admins.values(), ...readers.values()];
  admins.clear();
  readers.clear();
  await Promise.all(all.map((a) => a.close().catch(() => undefined)));
}
