'use client';
import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False in the server render and during hydration, true once React handles events. Buttons that
 * only work with JavaScript stay disabled until then, so an early click is never silently lost
 * (or, for a form, sent as a native GET of the page).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
