import 'server-only';
import { ConsoleError, type ConsoleErrorCategory } from '@/lib/domain/console-error';
import { toConsoleError } from './errors';

interface GroupErrorLike {
  type?: string;
  message?: string;
  groups?: { groupId?: string; error?: { type?: string; message?: string } }[];
  originalError?: GroupErrorLike;
}

const GROUP_ERRORS: Record<string, { category: ConsoleErrorCategory; message: (groupId: string) => string }> = {
  GROUP_NOT_EMPTY: { category: 'conflict', message: (g) => `Group "${g}" has active members; stop its consumers, wait until it is Empty, then delete it.` },
  GROUP_ID_NOT_FOUND: { category: 'not-found', message: (g) => `Group "${g}" does not exist (it may have been deleted already).` },
  UNKNOWN_MEMBER_ID: { category: 'conflict', message: (g) => `Group "${g}" is active: Kafka accepts offsets from outside the group only while it is Empty. Stop its consumers first.` },
  ILLEGAL_GENERATION: { category: 'conflict', message: (g) => `Group "${g}" rebalanced while the offsets were being written; wait until it is Empty and try again.` },
  REBALANCE_IN_PROGRESS: { category: 'conflict', message: (g) => `Group "${g}" is rebalancing; wait until it is Empty and try again.` },
  COORDINATOR_NOT_AVAILABLE: { category: 'unavailable', message: (g) => `The coordinator of group "${g}" is not available; try again in a moment.` },
  GROUP_AUTHORIZATION_FAILED: { category: 'forbidden', message: (g) => `The console's Kafka principal may not access group "${g}" (Group ACL).` },
  INVALID_GROUP_ID: { category: 'invalid-input', message: (g) => `"${g}" is not a valid group id.` },
};

/**
 * kafkajs reports group failures in shapes errors.ts does not unwrap (DeleteGroups puts them in
 * `groups`), and its messages name no group. This names the group and the fix, then falls back to
 * the shared translation.
 */
export function toGroupError(error: unknown, clusterName: string, groupId: string, context: { topic?: string } = {}): ConsoleError {
  let e = (error ?? {}) as GroupErrorLike;
  for (let depth = 0; depth < 4; depth++) {
    const inner = e.groups?.find((g) => g.error)?.error ?? e.originalError;
    if (!inner || typeof inner !== 'object') break;
    e = inner as GroupErrorLike;
  }
  const known = e.type ? GROUP_ERRORS[e.type] : undefined;
  if (known) return new ConsoleError({ category: known.category, message: known.message(groupId), retryable: known.category === 'unavailable' || known.category === 'conflict' }, { cause: error });
  return toConsoleError(e === error ? error : e, { clusterName, ...context });
}
