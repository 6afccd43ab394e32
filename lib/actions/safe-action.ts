import 'server-only';
import type { z } from 'zod';
import { ConsoleError, isConsoleError, type ConsoleErrorShape } from '@/lib/domain/console-error';
import { authorize, recordAudit, type Permission, type Principal } from '@/lib/auth/guard';
import { logger } from '@/lib/log/logger';
import { auditResource, auditTopics } from '@/lib/auth/audit-target';

export type FieldErrors = Record<string, string>;

/** What every server action returns; actions never throw at the client. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; validationErrors: FieldErrors; message: string }
  | { ok: false; serverError: ConsoleErrorShape; message: string };

/** Thrown by handlers when the input is well-formed but wrong for the cluster's current state. */
export class ValidationFailure extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).join(' '));
  }
}

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    out[key] ??= issue.message;
  }
  return out;
}

interface ActionDefinition<S extends z.ZodType, T> {
  name: string;
  schema: S;
  permission: Permission;
  handler: (input: z.output<S>, ctx: { principal: Principal }) => Promise<T>;
}

/**
 * Wraps a handler with the guard, zod parsing, error mapping and an audit record.
 * `input.cluster` and the resource named by `auditResource` (group, design, topic) say what it touches.
 */
export function defineAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>): (input: z.input<S>) => Promise<ActionResult<T>> {
  const log = logger.child({ component: 'action', action: def.name });
  return async (rawInput) => {
    const parsed = def.schema.safeParse(rawInput);
    const target: unknown = parsed.success ? parsed.data : rawInput;
    const cluster = target && typeof target === 'object' ? (target as { cluster?: unknown }).cluster : undefined;
    const request = { permission: def.permission, cluster: typeof cluster === 'string' ? cluster : undefined, resource: auditResource(target) };
    const topics = auditTopics(target);
    const detail = topics ? { topics } : undefined;
    let principal: Principal;
    try {
      principal = await authorize(request);
    } catch (e) {
      const err = isConsoleError(e) ? e : new ConsoleError({ category: 'forbidden', message: 'Not allowed.', retryable: false });
      return { ok: false, serverError: err.toJSON(), message: err.message };
    }
    if (!parsed.success) {
      const validationErrors = zodFieldErrors(parsed.error);
      return { ok: false, validationErrors, message: Object.values(validationErrors)[0] ?? 'Invalid input.' };
    }
    try {
      const data = await def.handler(parsed.data, { principal });
      recordAudit(principal, request, 'ok', detail);
      return { ok: true, data };
    } catch (e) {
      recordAudit(principal, request, 'failed', { ...detail, error: (e as Error).message });
      if (e instanceof ValidationFailure) return { ok: false, validationErrors: e.fieldErrors, message: e.message };
      if (isConsoleError(e)) {
        if (e.field) return { ok: false, validationErrors: { [e.field]: e.message }, message: e.message };
        return { ok: false, serverError: e.toJSON(), message: e.message };
      }
      log.error({ err: e }, 'unexpected action failure');
      return { ok: false, serverError: { category: 'internal', message: 'Unexpected error; see the server log.', retryable: false }, message: 'Unexpected error; see the server log.' };
    }
  };
}
