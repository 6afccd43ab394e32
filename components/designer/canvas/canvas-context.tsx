'use client';
import { createContext, useContext, useState } from 'react';
import { useStore } from 'zustand';
import type { DesignDocument } from '@/lib/domain/design/model';
import { createCanvasStore, type CanvasActions, type CanvasState, type CanvasStore } from './canvas-store';

const CanvasContext = createContext<CanvasStore | null>(null);

/** One store per open design; components read it through selectors so a change re-renders only its readers. */
export function CanvasStoreProvider({ designId, revision, document, children }: { designId: string; revision: number; document: DesignDocument; children: React.ReactNode }) {
  const [store] = useState(() => createCanvasStore({ designId, revision, document }));
  return <CanvasContext.Provider value={store}>{children}</CanvasContext.Provider>;
}

export function useCanvasStoreApi(): CanvasStore {
  const store = useContext(CanvasContext);
  if (!store) throw new Error('useCanvas must be used inside <CanvasStoreProvider>.');
  return store;
}

export function useCanvas<T>(selector: (state: CanvasState & CanvasActions) => T): T {
  return useStore(useCanvasStoreApi(), selector);
}
