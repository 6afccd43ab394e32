'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { deleteTopic } from '@/lib/actions/topics/delete-topic';
import { Button } from '@/components/ui/button';
import { FormAlert } from './form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from './use-topic-action';

export function DeleteTopicForm({ cluster, topic }: { cluster: string; topic: string }) {
  const router = useRouter();
  const [confirmation, setConfirmation] = useState('');
  const { pending, outcome, run } = useTopicAction(deleteTopic);
  const hydrated = useHydrated();
  const matches = hydrated && confirmation === topic;
  const fieldError = outcome.fieldErrors.confirmation ?? outcome.fieldErrors.topic ?? outcome.fieldErrors.form;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!matches) return;
    run({ cluster, topic, confirmation }, () => router.push(`/clusters/${cluster}/topics?deleted=${encodeURIComponent(topic)}`), { refresh: false });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Delete topic" className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Deletes the topic and all its records on every broker. Producers and consumers using it will fail (or, if the brokers auto-create topics, silently recreate
        it empty). This cannot be undone.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-md">
          <label htmlFor="delete-confirmation" className="label">
            Type <span className="font-mono font-semibold break-all">{topic}</span> to confirm
          </label>
          <input
            id="delete-confirmation"
            className="input font-mono"
            autoComplete="off"
            spellCheck={false}
            value={confirmation}
            readOnly={!hydrated}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'delete-confirmation-error' : undefined}
            onChange={(e) => setConfirmation(e.target.value)}
          />
        </div>
        <Button type="submit" variant="danger" disabled={!matches || pending}>
          {pending ? 'Deleting…' : 'Delete topic'}
        </Button>
      </div>
      {fieldError && (
        <p id="delete-confirmation-error" role="alert" className="field-error">
          {fieldError}
        </p>
      )}
      <FormAlert error={outcome.formError} />
    </form>
  );
}
