'use client';
import { useState } from 'react';
import { previewOffsetReset } from '@/lib/actions/groups/preview-offset-reset';
import { resetOffsets } from '@/lib/actions/groups/reset-offsets';
import { RESET_KINDS, type ResetStrategyInput } from '@/lib/domain/groups/group-inputs';
import type { AppliedOffsetReset, OffsetResetPreview } from '@/lib/domain/groups/group-model';
import { Button } from '@/components/ui/button';
import { formatCount } from '@/components/topics/format';
import { FieldError, FormAlert, SuccessNotice, WarningNote } from '@/components/topics/form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';
import { useTopicAction } from '@/components/topics/use-topic-action';

type Kind = (typeof RESET_KINDS)[number];

const KIND_LABELS: Record<Kind, string> = {
  earliest: 'Earliest offset',
  latest: 'Latest offset (skip everything waiting)',
  timestamp: 'Date and time',
  offset: 'Exact offset',
  shift: 'Shift by N messages',
};

const ALL = '\u0000all';

interface Props {
  cluster: string;
  groupId: string;
  topics: string[];
  /** Partitions known per topic (from the group's offsets), for resetting only some of them. */
  partitionsByTopic: Record<string, number[]>;
  guardProblem: string | null;
}

/** Preview first, then apply exactly what the preview showed. Only an Empty group can be reset. */
export function ResetOffsetsForm({ cluster, groupId, topics, partitionsByTopic, guardProblem }: Props) {
  const hydrated = useHydrated();
  const [scope, setScope] = useState<string>(topics.length ? ALL : '');
  // null: every partition of the chosen topic.
  const [chosenPartitions, setChosenPartitions] = useState<number[] | null>(null);
  const [kind, setKind] = useState<Kind>('earliest');
  const [when, setWhen] = useState('');
  const [offset, setOffset] = useState('');
  const [shift, setShift] = useState('');
  const preview = useTopicAction(previewOffsetReset);
  const apply = useTopicAction(resetOffsets);
  const [shown, setShown] = useState<OffsetResetPreview | null>(null);
  const [applied, setApplied] = useState<AppliedOffsetReset | null>(null);
  // The group's membership changed (the page refreshed): a preview made before is stale.
  const [seenGuard, setSeenGuard] = useState(guardProblem);
  if (guardProblem !== seenGuard) {
    setSeenGuard(guardProblem);
    setShown(null);
  }

  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setShown(null);
    setApplied(null);
    preview.reset();
    apply.reset();
  };

  const strategy = (): ResetStrategyInput | null => {
    switch (kind) {
      case 'timestamp': {
        const t = new Date(when).getTime();
        return { kind, timestamp: Number.isNaN(t) ? ('' as unknown as number) : t };
      }
      case 'offset':
        return { kind, offset };
      case 'shift':
        return { kind, by: shift };
      default:
        return { kind };
    }
  };

  const onPreview = (e: React.FormEvent) => {
    e.preventDefault();
    const s = strategy();
    if (!s) return;
    setApplied(null);
    const topic = scope === ALL || scope === '' ? null : scope;
    preview.run({ cluster, groupId, topic, partitions: topic ? chosenPartitions : null, strategy: s }, (data) => setShown(data), { refresh: false });
  };

  const onApply = () => {
    if (!shown) return;
    apply.run(
      { cluster, groupId, topics: shown.topics.map((t) => ({ topic: t.topic, partitions: t.rows.map((r) => ({ partition: r.partition, offset: r.target })) })) },
      (data) => {
        setApplied(data);
        setShown(null);
      },
    );
  };

  const fieldErrors = preview.outcome.fieldErrors;
  const strategyError = fieldErrors['strategy.timestamp'] ?? fieldErrors['strategy.offset'] ?? fieldErrors['strategy.by'] ?? fieldErrors.strategy;
  const blocked = shown?.guardProblem ?? guardProblem;

  return (
    <div className="max-w-5xl space-y-4">
      {guardProblem && <WarningNote>{guardProblem}</WarningNote>}
      <form onSubmit={onPreview} noValidate aria-label="Reset offsets" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="reset-topic" className="label">
              Topics
            </label>
            <select
              id="reset-topic"
              className="input"
              value={scope}
              disabled={!hydrated}
              onChange={(e) => {
                changed(setScope)(e.target.value);
                setChosenPartitions(null);
              }}
            >
              {topics.length > 0 && <option value={ALL}>{topics.length === 1 ? 'The group’s one topic' : `All ${topics.length} topics of the group`}</option>}
              {topics.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            <FieldError id="reset-topic-error" message={fieldErrors.topic} />
          </div>
          <div>
            <label htmlFor="reset-kind" className="label">
              Move to
            </label>
            <select id="reset-kind" className="input" value={kind} disabled={!hydrated} onChange={(e) => changed(setKind)(e.target.value as Kind)}>
              {RESET_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </div>
          <div>
            {kind === 'timestamp' && (
              <>
                <label htmlFor="reset-when" className="label">
                  First message at or after (your local time)
                </label>
                <input id="reset-when" type="datetime-local" step={1} className="input" value={when} aria-invalid={strategyError ? true : undefined} onChange={(e) => changed(setWhen)(e.target.value)} />
              </>
            )}
            {kind === 'offset' && (
              <>
                <label htmlFor="reset-offset" className="label">
                  Offset (every chosen partition)
                </label>
                <input id="reset-offset" inputMode="numeric" className="input font-mono" value={offset} aria-invalid={strategyError ? true : undefined} onChange={(e) => changed(setOffset)(e.target.value)} />
              </>
            )}
            {kind === 'shift' && (
              <>
                <label htmlFor="reset-shift" className="label">
                  Messages (negative to read again)
                </label>
                <input id="reset-shift" inputMode="numeric" className="input font-mono" placeholder="-100" value={shift} aria-invalid={strategyError ? true : undefined} onChange={(e) => changed(setShift)(e.target.value)} />
              </>
            )}
            <FieldError id="reset-strategy-error" message={strategyError} />
          </div>
        </div>
        {scope !== ALL && (partitionsByTopic[scope]?.length ?? 0) > 1 && (
          <PartitionPicker
            partitions={partitionsByTopic[scope] ?? []}
            chosen={chosenPartitions}
            disabled={!hydrated}
            onChange={changed(setChosenPartitions)}
            error={fieldErrors.partitions}
          />
        )}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={!hydrated || preview.pending || (topics.length === 0 && scope === '')}>
            {preview.pending ? 'Previewing…' : 'Preview reset'}
          </Button>
          <span className="text-xs text-slate-500">Nothing changes until you apply the preview.</span>
        </div>
        <FormAlert error={preview.outcome.formError} />
        {fieldErrors.groupId && <FormAlert error={fieldErrors.groupId} />}
      </form>

      {shown && (
        <section aria-label="Reset preview" className="space-y-3">
          <PreviewTable preview={shown} />
          {blocked ? (
            <WarningNote>{blocked}</WarningNote>
          ) : (
            <div className="flex items-center gap-3">
              <Button variant="danger" onClick={onApply} disabled={apply.pending}>
                {apply.pending ? 'Applying…' : `Apply reset to ${shown.topics.reduce((n, t) => n + t.rows.length, 0)} partitions`}
              </Button>
              <span className="text-xs text-slate-500">Commits exactly the targets above for group {groupId}.</span>
            </div>
          )}
          <FormAlert error={apply.outcome.formError} />
        </section>
      )}

      {applied && (
        <SuccessNotice>
          Offsets of group &ldquo;{groupId}&rdquo; reset. Kafka now holds:{' '}
          {applied.topics.map((t) => (
            <span key={t.topic} className="font-mono">
              {t.topic} {t.partitions.map((p) => `${p.partition}→${p.offset ?? 'none'}`).join(', ')}{' '}
            </span>
          ))}
        </SuccessNotice>
      )}
    </div>
  );
}

function PreviewTable({ preview }: { preview: OffsetResetPreview }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="data-table" aria-label="Offset reset preview">
        <thead>
          <tr>
            <th>Topic</th>
            <th className="num">Partition</th>
            <th className="num">Current</th>
            <th className="num">New offset</th>
            <th className="num" title="Negative: messages that will be read again">
              Change
            </th>
            <th className="num">Lag after</th>
            <th>Note</th>
          </tr>
        </thead>
        <tbody>
          {preview.topics.flatMap((t) =>
            t.rows.map((r) => (
              <tr key={`${t.topic}:${r.partition}`}>
                <td className="font-mono text-xs">{t.topic}</td>
                <td className="num">{r.partition}</td>
                <td className="num">{r.current === null ? <span className="text-slate-400">none</span> : formatCount(r.current)}</td>
                <td className="num font-semibold">{formatCount(r.target)}</td>
                <td className={`num ${r.change?.startsWith('-') ? 'text-amber-700 dark:text-amber-400' : ''}`}>{r.change === null ? '—' : `${r.change.startsWith('-') ? '' : '+'}${formatCount(r.change)}`}</td>
                <td className="num">{formatCount(r.lagAfter)}</td>
                <td className="text-xs text-slate-600 dark:text-slate-400">{r.note ?? ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}

interface PickerProps {
  partitions: number[];
  chosen: number[] | null;
  disabled: boolean;
  onChange: (next: number[] | null) => void;
  error: string | undefined;
}

/** Every partition, or some of them: the same choice as kafka-consumer-groups --topic t:0,2. */
function PartitionPicker({ partitions, chosen, disabled, onChange, error }: PickerProps) {
  const toggle = (p: number) => {
    const current = chosen ?? partitions;
    const next = current.includes(p) ? current.filter((x) => x !== p) : [...current, p].sort((a, b) => a - b);
    onChange(next.length === partitions.length ? null : next);
  };
  return (
    <fieldset aria-describedby={error ? 'reset-partitions-error' : undefined}>
      <legend className="label">Partitions</legend>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={chosen === null} disabled={disabled} onChange={() => onChange(chosen === null ? [] : null)} />
          All {partitions.length}
        </label>
        {partitions.map((p) => (
          <label key={p} className="flex items-center gap-1.5 font-mono">
            <input type="checkbox" aria-label={`Partition ${p}`} checked={chosen === null || chosen.includes(p)} disabled={disabled} onChange={() => toggle(p)} />
            {p}
          </label>
        ))}
      </div>
      <FieldError id="reset-partitions-error" message={error} />
    </fieldset>
  );
}
