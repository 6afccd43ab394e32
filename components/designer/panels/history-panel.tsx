'use client';
import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { restoreDesignVersion } from '@/lib/actions/designs/restore-design-version';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { designKeys, designVersionsQuery } from '../design-queries';
import { failureMessage, runAction } from '../run-action';

/** Saved versions, newest first; restoring makes an old one current as a new revision. */
export function HistoryPanel() {
  const designId = useCanvas((s) => s.designId);
  const revision = useCanvas((s) => s.revision);
  const dirty = useCanvas((s) => s.document !== s.savedDocument);
  const replaceDocument = useCanvas((s) => s.replaceDocument);
  const client = useQueryClient();
  const versions = useQuery(designVersionsQuery(designId, revision));
  const [error, setError] = useState<string | null>(null);

  const restore = async (from: number) => {
    if (dirty && !window.confirm('Restoring discards your unsaved changes. Continue?')) return;
    const r = await runAction(restoreDesignVersion, { id: designId, revision: from, baseRevision: revision });
    if (!r.ok) return setError(failureMessage(r));
    setError(null);
    replaceDocument(r.data.document, r.data.revision);
    await client.invalidateQueries({ queryKey: designKeys.versions(designId) });
  };

  if (versions.isPending) return <p className="text-sm text-slate-500">Loading versions…</p>;
  if (versions.isError) return <p className="text-sm text-red-700">{versions.error.message}</p>;
  return (
    <div className="space-y-2">
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
      <ol aria-label="Versions" className="space-y-1">
        {versions.data.map((v) => (
          <li key={v.revision} className="flex items-center justify-between gap-2 rounded border border-slate-200 px-2 py-1.5 text-xs dark:border-slate-800">
            <span>
              <span className="font-semibold">r{v.revision}</span> · {v.note}
              <span className="block text-slate-500">{new Date(v.savedAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' })}</span>
            </span>
            {v.revision === revision ? (
              <span className="text-slate-500">current</span>
            ) : (
              <Button onClick={() => void restore(v.revision)} aria-label={`Restore revision ${v.revision}`}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
