'use client';
import { useState } from 'react';
import { addEnvironment, environmentNameProblem } from '@/lib/domain/design/edit/environments';
import { Button } from '@/components/ui/button';
import { useCanvas } from '../canvas/canvas-context';
import { CheckboxField, TextField } from '../inspector/fields';

/** Adds an environment without overrides; the name is checked as it is typed, the same way the document checks it. */
export function AddEnvironmentForm() {
  const document = useCanvas((s) => s.document);
  const editDocument = useCanvas((s) => s.editDocument);
  const [name, setName] = useState('');
  const [production, setProduction] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const problem = name || submitted ? environmentNameProblem(document, name) : null;

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const r = addEnvironment(document, name, production);
    if (!r.ok) return;
    editDocument(() => r.design);
    setName('');
    setProduction(false);
    setSubmitted(false);
  };

  return (
    <form onSubmit={add} aria-label="Add an environment" className="rounded-md border border-dashed border-slate-300 p-2.5 dark:border-slate-700">
      <TextField label="New environment" value={name} error={problem ?? undefined} placeholder="prod" onChange={setName} />
      <CheckboxField label="Production" checked={production} onChange={setProduction} />
      <Button type="submit" disabled={problem !== null}>
        Add environment
      </Button>
    </form>
  );
}
