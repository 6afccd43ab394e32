'use client';
import { useState } from 'react';
import { addPartitions } from '@/lib/actions/topics/add-partitions';
import { partitionCountProblem } from '@/lib/domain/topics/topic-inputs';
import { Button } from '@/components/ui/button';
import { FormAlert, SuccessNotice, WarningNote } from './form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from './use-topic-action';

export function AddPartitionsForm({ cluster, topic, current }: { cluster: string; topic: string; current: number }) {
  const [count, setCount] = useState(String(current + 1));
  const [touched, setTouched] = useState(false);
  const { pending, outcome, run } = useTopicAction(addPartitions);
  const [done, setDone] = useState<string | null>(null);
  const hydrated = useHydrated();

  const n = Number(count);
  const problem =
    count.trim() === '' ? 'Enter the new partition count.' : !Number.isInteger(n) ? 'The partition count must be a whole number.' : partitionCountProblem(topic, current, n);
  const error = (touched && problem) || outcome.fieldErrors.count || Object.values(outcome.fieldErrors)[0];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    setDone(null);
    if (problem) return;
    run({ cluster, topic, count: n }, (data) => {
      setDone(`Topic "${topic}" now has ${data.partitions} partitions.`);
      setCount(String(data.partitions + 1));
      setTouched(false);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add partitions" className="space-y-3">
      <WarningNote>
        Adding partitions changes which partition a key maps to (the default partitioner takes the key&rsquo;s hash modulo the partition count). New records with a key
        will land in a different partition than earlier ones with the same key, so per-key ordering breaks across the change. Partitions can never be removed.
      </WarningNote>
      <div className="flex flex-wrap items-end gap-3">
        <div className="w-48">
          <label htmlFor="partition-count" className="label">
            New partition count
          </label>
          <input
            id="partition-count"
            type="number"
            inputMode="numeric"
            min={current + 1}
            className="input tabular-nums"
            value={count}
            readOnly={!hydrated}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'partition-count-error' : 'partition-count-hint'}
            onChange={(e) => {
              setCount(e.target.value);
              setTouched(true);
              setDone(null);
            }}
          />
        </div>
        <Button type="submit" variant="danger" disabled={pending || !hydrated}>
          {pending ? 'Adding…' : 'Add partitions'}
        </Button>
      </div>
      {error ? (
        <p id="partition-count-error" role="alert" className="field-error">
          {error}
        </p>
      ) : (
        <p id="partition-count-hint" className="text-xs text-slate-500 dark:text-slate-400">
          Currently {current} partition{current === 1 ? '' : 's'}.
        </p>
      )}
      <FormAlert error={outcome.formError} />
      <SuccessNotice>{done}</SuccessNotice>
    </form>
  );
}
