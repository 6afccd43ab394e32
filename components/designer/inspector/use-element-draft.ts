'use client';
import { useState } from 'react';
import type { z } from 'zod';

/**
 * A form over one design element: the draft is what the user typed; it is parsed with the element's
 * own zod schema (the same one the document format uses) on every change, and committed to the
 * canvas only when it parses. An invalid draft stays in the form with its messages and never
 * reaches the document. When the element changes from outside (undo, another panel), the draft
 * follows it.
 */
export function useElementDraft<S extends z.ZodType>(element: z.output<S>, schema: S, commit: (value: z.output<S>) => void) {
  const [state, setState] = useState({ base: element, draft: element as Record<string, unknown>, errors: {} as Record<string, string> });
  let current = state;
  if (state.base !== element) {
    current = { base: element, draft: element as Record<string, unknown>, errors: {} };
    setState(current);
  }

  const change = (patch: Record<string, unknown>) => {
    const draft = { ...current.draft, ...patch };
    for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') delete draft[k];
    const parsed = schema.safeParse(draft);
    if (parsed.success) {
      setState({ base: parsed.data, draft: parsed.data as Record<string, unknown>, errors: {} });
      commit(parsed.data);
      return;
    }
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
    setState({ base: current.base, draft, errors });
  };

  return { draft: current.draft, errors: current.errors, change };
}
