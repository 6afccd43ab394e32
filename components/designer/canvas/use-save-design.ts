'use client';
import { useCallback, useState } from 'react';
import { saveDesign } from '@/lib/actions/designs/save-design';
import { failureMessage, runAction } from '../run-action';
import { useCanvasStoreApi } from './canvas-context';

export type SaveStatus = { state: 'idle' | 'saving' } | { state: 'conflict'; message: string } | { state: 'error'; message: string };

/**
 * Saves through the server action with the revision this tab is on. A conflict (another tab saved
 * first) is kept as its own state: the user chooses to reload or keep a copy; nothing is overwritten.
 */
export function useSaveDesign() {
  const store = useCanvasStoreApi();
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const save = useCallback(async () => {
    const { designId, revision, document } = store.getState();
    setStatus({ state: 'saving' });
    const result = await runAction(saveDesign, { id: designId, baseRevision: revision, document });
    if (result.ok) {
      store.getState().markSaved(result.data.revision, document);
      setStatus({ state: 'idle' });
      return true;
    }
    const message = failureMessage(result);
    setStatus('serverError' in result && result.serverError.category === 'conflict' ? { state: 'conflict', message } : { state: 'error', message });
    return false;
  }, [store]);
  return { status, save, clear: () => setStatus({ state: 'idle' }) };
}
