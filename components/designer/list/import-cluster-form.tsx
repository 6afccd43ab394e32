'use client';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import { importClusterDesign } from '@/lib/actions/designs/import-cluster-design';
import { Button } from '@/components/ui/button';
import { FormAlert, WarningNote } from '@/components/topics/form-feedback';
import { failureMessage, runAction } from '../run-action';

/** Builds a design from what a cluster holds; Kafka does not record producers, so the design says which are unknown. */
export function ImportClusterForm({ clusters }: { clusters: PublicCluster[] }) {
  const router = useRouter();
  const [cluster, setCluster] = useState(clusters[0]?.name ?? '');
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ id: string; warnings: string[] } | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    start(async () => {
      const name = `${clusters.find((c) => c.name === cluster)?.displayName ?? cluster}${filter ? ` (${filter})` : ''}`;
      const r = await runAction(importClusterDesign, { cluster, name, filter });
      if (!r.ok) return setError(failureMessage(r));
      if (r.data.warnings.length === 0) return router.push(`/designs/${r.data.id}`);
      setResult({ id: r.data.id, warnings: r.data.warnings });
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} aria-label="Import from cluster" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <h2 className="mb-3 text-sm font-semibold">Import from a cluster</h2>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex min-w-48 flex-col gap-1 text-sm">
          <span className="font-medium">Cluster</span>
          <select className="input" value={cluster} onChange={(e) => setCluster(e.target.value)} aria-label="Cluster to import">
            {clusters.map((c) => (
              <option key={c.name} value={c.name}>
                {c.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-sm">
          <span className="font-medium">Topics containing</span>
          <input className="input" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="orders (empty: all, up to 300)" aria-label="Topics containing" />
        </label>
        <Button type="submit" disabled={pending || !cluster}>
          {pending ? 'Reading the cluster…' : 'Import'}
        </Button>
      </div>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Topics and their configs, consumer groups as consumers, subjects as schemas, connectors. Producers are not recorded by Kafka: add them on the canvas.</p>
      {error && (
        <div className="mt-3">
          <FormAlert error={error} title="Import failed" />
        </div>
      )}
      {result && (
        <div className="mt-3">
          <WarningNote>
            <ul className="list-disc pl-5">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
            <a className="mt-1 inline-block font-medium underline" href={`/designs/${result.id}`}>
              Open the imported design
            </a>
          </WarningNote>
        </div>
      )}
    </form>
  );
}
