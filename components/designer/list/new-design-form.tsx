'use client';
import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createDesign } from '@/lib/actions/designs/create-design';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/topics/form-feedback';
import { failureMessage, runAction } from '../run-action';

export interface TemplateOption {
  id: string;
  title: string;
  summary: string;
}

/** Name plus a starting point (blank or one of the templates); opens the new design on the canvas. */
export function NewDesignForm({ templates }: { templates: TemplateOption[] }) {
  const router = useRouter();
  const nameId = useId();
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const chosen = templates.find((t) => t.id === templateId);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await runAction(createDesign, { name: name.trim() || chosen?.title || 'Untitled design', templateId: templateId || null });
      if (!result.ok) return setError(failureMessage(result));
      router.push(`/designs/${result.data.id}`);
    });
  };

  return (
    <form onSubmit={submit} aria-label="New design" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 text-sm font-semibold">New design</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm" htmlFor={nameId}>
          <span className="font-medium">Name</span>
          <input id={nameId} className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder={chosen?.title ?? 'Orders platform'} maxLength={200} />
        </label>
        <label className="flex min-w-56 flex-col gap-1 text-sm">
          <span className="font-medium">Start from</span>
          <select className="input" value={templateId} onChange={(e) => setTemplateId(e.target.value)} aria-label="Start from">
            <option value="">Blank canvas</option>
            {templates.map((t) => (
              <option key={t.id} value={t.id}>
                Template: {t.title}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? 'Creating…' : 'Create design'}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">{chosen ? chosen.summary : 'An empty canvas with a dev and a prod environment.'}</p>
      {error && (
        <div className="mt-3">
          <FormAlert error={error} title="Could not create the design" />
        </div>
      )}
    </form>
  );
}
