'use client';
import { useState } from 'react';
import { deleteRecords } from '@/lib/actions/topics/delete-records';
import { deleteRecordsProblems } from '@/lib/domain/topics/topic-inputs';
import type { PartitionDetail } from '@/lib/domain/topics/topic-model';
import { Button } from '@/components/ui/button';
import { formatCount, plural } from './format';
import { FormAlert, SuccessNotice } from './form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from './use-topic-action';

const isEmpty = (p: PartitionDetail) => p.lowWatermark !== null && p.lowWatermark === p.highWatermark;
const isUnknown = (p: PartitionDetail) => p.lowWatermark === null || p.highWatermark === null;

/** Deletes records before an offset in chosen partitions (Kafka's DeleteRecords: moves the low watermark up). */
export function DeleteRecordsForm({ cluster, topic, partitions }: { cluster: string; topic: string; partitions: PartitionDetail[] }) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [offsets, setOffsets] = useState<Record<number, string>>({});
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { pending, outcome, run, reset } = useTopicAction(deleteRecords);

  const hydrated = useHydrated();
  const deletable = partitions.filter((p) => !isEmpty(p) && !isUnknown(p));
  const offsetOf = (p: PartitionDetail) => offsets[p.partition] ?? p.highWatermark ?? '';
  const chosen = partitions.filter((p) => selected.has(p.partition));
  const requested = chosen.map((p) => ({ partition: p.partition, beforeOffset: offsetOf(p).trim() }));

  const problems: Record<string, string> = {};
  const wellFormed = requested.filter((r) => {
    if (/^\d+$/.test(r.beforeOffset)) return true;
    problems[`partitions.${r.partition}`] = `Partition ${r.partition}: the offset must be a whole number ≥ 0.`;
    return false;
  });
  Object.assign(problems, deleteRecordsProblems(topic, wellFormed, new Map(partitions.map((p) => [p.partition, { low: p.lowWatermark, high: p.highWatermark }]))));
  const errorFor = (partition: number) => problems[`partitions.${partition}`] ?? outcome.fieldErrors[`partitions.${partition}`];
  const toDelete = wellFormed.reduce((sum, r) => {
    const p = partitions.find((x) => x.partition === r.partition)!;
    const n = p.lowWatermark === null ? 0n : BigInt(r.beforeOffset) - BigInt(p.lowWatermark);
    return n > 0n ? sum + n : sum;
  }, 0n);
  const canSubmit = hydrated && chosen.length > 0 && Object.keys(problems).length === 0;
  const otherErrors = Object.entries(outcome.fieldErrors).filter(([k]) => !/^partitions\.\d+$/.test(k));

  const toggle = (partition: number, on: boolean) => {
    setConfirming(false);
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(partition);
      else next.delete(partition);
      return next;
    });
  };
  const allSelected = deletable.length > 0 && deletable.every((p) => selected.has(p.partition));

  const confirm = () => {
    run({ cluster, topic, partitions: requested }, (data) => {
      setDone(`Deleted ${plural(toDelete, 'record')}. ${data.partitions.map((p) => `Partition ${p.partition} now starts at offset ${formatCount(p.lowWatermark)}.`).join(' ')}`);
      setSelected(new Set());
      setOffsets({});
      setConfirming(false);
    });
  };

  if (deletable.length === 0) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {partitions.some(isUnknown) ? 'The partitions’ offsets are unknown right now (is a leader offline?); try again when they are online.' : 'Every partition is empty: there are no records to delete.'}
      </p>
    );
  }

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Deletes every record before the chosen offset in each chosen partition; consumers behind it skip ahead. This cannot be undone.
      </p>
      <div className="max-h-80 overflow-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="data-table [&_td]:align-middle" aria-label="Partitions to delete records from">
          <thead>
            <tr>
              <th className="w-10">
                <input
                  type="checkbox"
                  className="size-4 accent-red-600"
                  aria-label="All partitions"
                  disabled={!hydrated}
                  checked={allSelected}
                  onChange={(e) => {
                    setConfirming(false);
                    setSelected(e.target.checked ? new Set(deletable.map((p) => p.partition)) : new Set());
                  }}
                />
              </th>
              <th className="num">Partition</th>
              <th className="num">Low watermark</th>
              <th className="num">High watermark</th>
              <th>Delete before offset</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => {
              const empty = isEmpty(p);
              const unknown = isUnknown(p);
              const error = selected.has(p.partition) ? errorFor(p.partition) : undefined;
              const inputId = `delete-before-${p.partition}`;
              return (
                <tr key={p.partition}>
                  <td>
                    <input
                      type="checkbox"
                      className="size-4 accent-red-600"
                      aria-label={`Partition ${p.partition}${empty ? ' (empty)' : unknown ? ' (offsets unknown)' : ''}`}
                      disabled={empty || unknown || !hydrated}
                      checked={selected.has(p.partition)}
                      onChange={(e) => toggle(p.partition, e.target.checked)}
                    />
                  </td>
                  <td className="num">{p.partition}</td>
                  <td className="num">{p.lowWatermark === null ? 'unknown' : formatCount(p.lowWatermark)}</td>
                  <td className="num">{p.highWatermark === null ? 'unknown' : formatCount(p.highWatermark)}</td>
                  <td>
                    {empty || unknown ? (
                      <span className="text-xs text-slate-500">{empty ? 'empty' : 'offsets unknown'}</span>
                    ) : (
                      <>
                        <label htmlFor={inputId} className="sr-only">
                          Delete before offset in partition {p.partition}
                        </label>
                        <input
                          id={inputId}
                          className="input w-40 font-mono"
                          inputMode="numeric"
                          value={offsetOf(p)}
                          disabled={!selected.has(p.partition)}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${inputId}-error` : undefined}
                          onChange={(e) => {
                            setConfirming(false);
                            setOffsets((o) => ({ ...o, [p.partition]: e.target.value }));
                          }}
                        />
                        {error && (
                          <p id={`${inputId}-error`} role="alert" className="field-error">
                            {error}
                          </p>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {otherErrors.length > 0 && <FormAlert error={otherErrors.map(([, m]) => m).join(' ')} title="The records were not deleted" />}
      <FormAlert error={outcome.formError} />
      {confirming ? (
        <div role="alertdialog" aria-label="Confirm deleting records" className="flex flex-wrap items-center gap-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40">
          <p className="text-red-900 dark:text-red-200">
            Delete {plural(toDelete, 'record')} from {chosen.length === 1 ? `partition ${chosen[0]!.partition}` : `${chosen.length} partitions`} of {topic}?
          </p>
          <Button variant="danger" onClick={confirm} disabled={pending}>
            {pending ? 'Deleting…' : 'Confirm delete'}
          </Button>
          <Button onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button
          variant="danger"
          disabled={!canSubmit}
          onClick={() => {
            reset();
            setDone(null);
            setConfirming(true);
          }}
        >
          Delete records…
        </Button>
      )}
      {chosen.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">Choose the partitions to delete records from.</p>}
      <SuccessNotice>{done}</SuccessNotice>
    </div>
  );
}
