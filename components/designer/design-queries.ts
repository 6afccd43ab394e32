import { queryOptions } from '@tanstack/react-query';
import { getDesignVersion } from '@/lib/actions/designs/get-design-version';
import { listDesignVersions } from '@/lib/actions/designs/list-design-versions';
import type { ActionResult } from '@/lib/actions/safe-action';
import { failureMessage, runAction } from './run-action';

/** Query keys for designs, most general first, so a mutation can invalidate by prefix. */
export const designKeys = {
  all: ['designs'] as const,
  detail: (id: string) => [...designKeys.all, id] as const,
  versions: (id: string) => [...designKeys.detail(id), 'versions'] as const,
  version: (id: string, revision: number) => [...designKeys.detail(id), 'version', revision] as const,
};

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(failureMessage(r));
  return r.data;
}

/** Keyed by the current revision too, so saving in this tab shows the new version at once. */
export const designVersionsQuery = (id: string, current: number) => queryOptions({ queryKey: [...designKeys.versions(id), 'at', current] as const, queryFn: () => unwrap(runAction(listDesignVersions, { id })) });

export const designVersionQuery = (id: string, revision: number) =>
  queryOptions({ queryKey: designKeys.version(id, revision), queryFn: () => unwrap(runAction(getDesignVersion, { id, revision })), staleTime: Infinity });
