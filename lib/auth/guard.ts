import 'server-only';
import { ConsoleError } from '@/lib/domain/console-error';
import { logger } from '@/lib/log/logger';

/**
 * The one authorization guard: every page, route handler, stream and server action calls it.
 * Today it admits a single local operator (the console listens on 127.0.0.1 by default); the
 * users-and-roles issue fills in `resolvePrincipal` and `isAllowed` without touching callers.
 */
export type Permission =
  | 'cluster:read'
  | 'topic:read'
  | 'topic:create'
  | 'topic:alter'
  | 'topic:delete'
  | 'topic:delete-records'
  | 'design:read'
  | 'design:write'
  | 'design:apply'
  | 'schema:read'
  | 'schema:write'
  | 'message:read'
  | 'message:produce'
  | 'health:read'
  | 'group:read'
  | 'group:reset-offsets'
  | 'group:delete'
  | 'metrics:read';

export interface Principal {
  id: string;
  displayName: string;
  roles: string[];
}

export interface AccessRequest {
  permission: Permission;
  cluster?: string;
  resource?: string;
}

const LOCAL_OPERATOR: Principal = { id: 'local-operator', displayName: 'Local operator', roles: ['admin'] };

async function resolvePrincipal(): Promise<Principal | null> {
  return LOCAL_OPERATOR;
}

function isAllowed(principal: Principal, _request: AccessRequest): boolean {
  return principal.roles.includes('admin');
}

const audit = logger.child({ component: 'audit' });

export async function authorize(request: AccessRequest): Promise<Principal> {
  const principal = await resolvePrincipal();
  if (!principal) throw new ConsoleError({ category: 'forbidden', message: 'Sign in to use the console.', retryable: false });
  if (!isAllowed(principal, request)) {
    audit.warn({ principal: principal.id, ...request, outcome: 'denied' }, 'access denied');
    throw new ConsoleError({ category: 'forbidden', message: `You may not ${request.permission} here.`, retryable: false });
  }
  return principal;
}

/** Records a change made through the console (who, what, where, outcome). */
export function recordAudit(principal: Principal, request: AccessRequest, outcome: 'ok' | 'failed', detail?: Record<string, unknown>): void {
  audit.info({ principal: principal.id, ...request, outcome, ...detail }, `${request.permission} ${outcome}`);
}
