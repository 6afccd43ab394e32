'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { deleteGroup } from '@/lib/actions/groups/delete-group';
import { TypeToConfirm } from '@/components/ui/type-to-confirm';
import { FormAlert } from '@/components/topics/form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from '@/components/topics/use-topic-action';

export function DeleteGroupForm({ cluster, groupId, guardProblem }: { cluster: string; groupId: string; guardProblem: string | null }) {
  const router = useRouter();
  const [confirmation, setConfirmation] = useState('');
  const { pending, outcome, run } = useTopicAction(deleteGroup);
  const hydrated = useHydrated();
  const matches = hydrated && confirmation === groupId;
  const fieldError = outcome.fieldErrors.confirmation ?? outcome.fieldErrors.groupId ?? outcome.fieldErrors.form;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!matches) return;
    run({ cluster, groupId, confirmation }, () => router.push(`/clusters/${cluster}/groups?deleted=${encodeURIComponent(groupId)}`), { refresh: false });
  };

  return (
    <section aria-label="Delete group" className="max-w-4xl rounded-lg border border-red-200 bg-white p-5 dark:border-red-900/50 dark:bg-slate-900">
      <h2 className="mb-3 text-base font-semibold">Delete group</h2>
      <form onSubmit={submit} noValidate aria-label="Delete group" className="space-y-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Deletes the group and all its committed offsets. A consumer that joins it again starts where its <span className="font-mono">auto.offset.reset</span> says
          (often the latest offset, skipping what is waiting). Only an Empty group can be deleted. This cannot be undone.
        </p>
        {guardProblem && <p className="text-sm font-medium text-amber-800 dark:text-amber-300">{guardProblem.replace('then reset', 'then delete it')}</p>}
        <TypeToConfirm
          id="delete-group-confirmation"
          expected={groupId}
          value={confirmation}
          onChange={setConfirmation}
          readOnly={!hydrated}
          pending={pending}
          actionLabel="Delete group"
          error={fieldError}
        />
        <FormAlert error={outcome.formError} />
      </form>
    </section>
  );
}
