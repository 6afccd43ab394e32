import 'server-only';
import type { Admin } from 'kafkajs';
import { clusterConfig } from '@/lib/config/load-config';
import { kafkaClientFor } from './client-pool';
import { isUnknownTopicError } from './errors';

export { isUnknownTopicError };

/**
 * An admin client of the consumer-group features' own, per cluster. kafkajs keeps every topic an
 * admin ever named in its metadata requests; once another client deletes one of them, each call
 * that names a new topic fails with UNKNOWN_TOPIC_OR_PARTITION, for good. Lag snapshots name every
 * topic every group reads, so they meet that often: on that error this admin is replaced and the
 * call tried once more. A separate client keeps the swap away from the shared admin's other users.
 */
export interface GroupsAdmin {
  run<T>(fn: (admin: Admin, retry: boolean) => Promise<T>): Promise<T>;
}

const OLD_ADMIN_GRACE_MS = 30_000;

function createGroupsAdmin(clusterName: string): GroupsAdmin {
  let current: { admin: Admin; connected: Promise<void> } | null = null;
  const get = async () => {
    if (!current) {
      const admin = kafkaClientFor(clusterConfig(clusterName)).admin();
      current = { admin, connected: admin.connect() };
      current.connected.catch(() => {
        if (current?.admin === admin) current = null;
      });
    }
    const entry = current;
    await entry.connected;
    return entry.admin;
  };
  const replace = (stale: Admin) => {
    if (current?.admin !== stale) return;
    current = null;
    // Calls in flight on the old client may still finish; close it a little later.
    setTimeout(() => void stale.disconnect().catch(() => undefined), OLD_ADMIN_GRACE_MS).unref?.();
  };
  return {
    async run(fn) {
      const admin = await get();
      try {
        return await fn(admin, false);
      } catch (e) {
        if (!isUnknownTopicError(e)) throw e;
        replace(admin);
        return fn(await get(), true);
      }
    },
  };
}

const globalForGroupsAdmins = globalThis as unknown as { keaGroupsAdmins?: Map<string, GroupsAdmin> };
const admins = (globalForGroupsAdmins.keaGroupsAdmins ??= new Map());

export function groupsAdminFor(clusterName: string): GroupsAdmin {
  let admin = admins.get(clusterName);
  if (!admin) admins.set(clusterName, (admin = createGroupsAdmin(clusterName)));
  return admin;
}
