'use client';
import { useState } from 'react';
import { topicConfigSpec } from '@/lib/domain/topics/topic-config-catalog';
import type { TopicConfigEntry } from '@/lib/domain/topics/topic-model';
import { Button } from '@/components/ui/button';
import { AddConfigForm } from './add-config-form';
import { ConfigEditRow } from './config-edit-row';
import { ConfigSourceBadge } from './config-source-badge';
import { ConfigValue } from './config-value';
import { SuccessNotice } from './form-feedback';
import { useHydrated } from '@/components/ui/use-hydrated';

export function TopicConfigsPanel({ cluster, topic, configs }: { cluster: string; topic: string; configs: TopicConfigEntry[] }) {
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const hydrated = useHydrated();

  const needle = filter.trim().toLowerCase();
  const overrides = configs.filter((c) => c.source === 'topic').length;
  // The topic's own overrides first: they are what makes this topic differ from the cluster.
  const visible = configs
    .filter((c) => (!onlyOverrides || c.source === 'topic') && (!needle || c.name.toLowerCase().includes(needle) || (c.value ?? '').toLowerCase().includes(needle)))
    .sort((a, b) => Number(b.source === 'topic') - Number(a.source === 'topic') || a.name.localeCompare(b.name));

  const done = (message: string | null) => {
    setEditing(null);
    setAdding(false);
    if (message) setNotice(message);
  };

  return (
    <section aria-label="Configs">
      <div className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="w-full max-w-xs">
          <label htmlFor="config-filter" className="sr-only">
            Filter configs
          </label>
          <input id="config-filter" type="search" className="input" placeholder="Filter configs…" value={filter} readOnly={!hydrated} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4 accent-sky-600" disabled={!hydrated} checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} />
          Show only overrides
        </label>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {overrides} set on topic · {configs.length} configs
        </span>
        <Button
          variant="primary"
          className="ml-auto"
          onClick={() => {
            setAdding(true);
            setEditing(null);
            setNotice(null);
          }}
          disabled={adding || !hydrated}
        >
          + Add config
        </Button>
      </div>

      {notice && (
        <div className="mb-3">
          <SuccessNotice>{notice}</SuccessNotice>
        </div>
      )}
      {adding && <AddConfigForm cluster={cluster} topic={topic} configs={configs} onDone={done} />}

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="data-table table-fixed [&_td]:align-middle" aria-label="Configs">
          <colgroup>
            <col />
            <col className="w-[30%]" />
            <col className="w-[8.5rem]" />
            <col className="w-20" />
          </colgroup>
          <thead>
            <tr>
              <th>Name</th>
              <th>Value</th>
              <th>Source</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 && (
              <tr>
                <td colSpan={4} className="py-6 text-center text-slate-500">
                  {onlyOverrides && overrides === 0 ? 'This topic sets no configs of its own: every value is inherited.' : `No config matches “${filter.trim()}”.`}
                </td>
              </tr>
            )}
            {visible.map((c) => {
              const description = topicConfigSpec(c.name)?.description;
              const isEditing = editing === c.name;
              return (
                <tr key={c.name} data-config={c.name} className={c.source === 'topic' ? 'bg-sky-50/40 dark:bg-sky-950/20' : undefined}>
                  <td>
                    <span className="block font-mono text-xs break-all">{c.name}</span>
                    {description && (
                      <span className="mt-0.5 block truncate text-xs text-slate-500 dark:text-slate-400" title={description}>
                        {description}
                      </span>
                    )}
                  </td>
                  <td colSpan={isEditing ? 2 : 1}>
                    {isEditing ? <ConfigEditRow cluster={cluster} topic={topic} entry={c} onDone={done} /> : <ConfigValue entry={c} />}
                  </td>
                  {!isEditing && (
                    <td>
                      <ConfigSourceBadge source={c.source} />
                    </td>
                  )}
                  <td className="text-right">
                    {!isEditing && !c.readOnly && (
                      <Button
                        className="px-2 py-0.5 text-xs"
                        aria-label={`Edit ${c.name}`}
                        disabled={!hydrated}
                        onClick={() => {
                          setEditing(c.name);
                          setAdding(false);
                          setNotice(null);
                        }}
                      >
                        Edit
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
