'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { deleteTopic } from '@/lib/actions/topics/delete-topic';
import { TypeToConfirm } from '@/components/ui/type-to-confirm';
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
      <TypeToConfirm
        id="delete-confirmation"
        expected={topic}
        value={confirmation}
        onChange={setConfirmation}
        readOnly={!hydrated}
        pending={pending}
        actionLabel="Delete topic"
        error={fieldError}
      />
      <FormAlert error={outcome.formError} />
    </form>
  );
}
