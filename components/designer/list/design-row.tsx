'use client';
import Link from 'next/link';
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { deleteDesign } from '@/lib/actions/designs/delete-design';
import { duplicateDesign } from '@/lib/actions/designs/duplicate-design';
import { renameDesign } from '@/lib/actions/designs/rename-design';
import { Button } from '@/components/ui/button';
import { failureMessage, runAction } from '../run-action';

export interface DesignRowData {
  id: string;
  name: string;
  revision: number;
  updatedAt: string;
  counts: { services: number; topics: number; schemas: number; edges: number };
}

const link = 'font-medium text-sky-700 hover:underline dark:text-sky-400';

export function DesignRow({ design }: { design: DesignRowData }) {
  const exportHref = (format: 'design-yaml' | 'design-json') => `/api/designs/${design.id}/export/${format}`;
  const router = useRouter();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(design.name);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const run = <I, T>(action: Parameters<typeof runAction<I, T>>[0], input: I, after?: (data: T) => void) =>
    start(async () => {
      const result = await runAction(action, input);
      if (!result.ok) return setError(failureMessage(result));
      setError(null);
      after?.(result.data);
      router.refresh();
    });

  return (
    <tr aria-label={design.name}>
      <td className="max-w-[28rem]">
        {renaming ? (
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              run(renameDesign, { id: design.id, name, baseRevision: design.revision }, () => setRenaming(false));
            }}
          >
            <input className="input" aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} />
            <Button type="submit" variant="primary" disabled={pending}>
              Save
            </Button>
            <Button onClick={() => setRenaming(false)}>Cancel</Button>
          </form>
        ) : (
          <Link href={`/designs/${design.id}`} className={link}>
            {design.name}
          </Link>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
      </td>
      <td className="num">{design.counts.services}</td>
      <td className="num">{design.counts.topics}</td>
      <td className="num">{design.counts.schemas}</td>
      <td className="whitespace-nowrap text-slate-600 dark:text-slate-400" title={design.updatedAt}>
        {new Date(design.updatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} · r{design.revision}
      </td>
      <td>
        <div className="flex flex-nowrap justify-end gap-1.5 whitespace-nowrap">
          <Button onClick={() => setRenaming(true)} disabled={pending || renaming} aria-label={`Rename ${design.name}`}>
            Rename
          </Button>
          <Button onClick={() => run(duplicateDesign, { id: design.id })} disabled={pending} aria-label={`Duplicate ${design.name}`}>
            Duplicate
          </Button>
          <a className="inline-flex items-center rounded-md px-2 py-1.5 text-sm text-sky-700 hover:underline dark:text-sky-400" href={exportHref('design-yaml')} download>
            YAML
          </a>
          <a className="inline-flex items-center rounded-md px-2 py-1.5 text-sm text-sky-700 hover:underline dark:text-sky-400" href={exportHref('design-json')} download>
            JSON
          </a>
          {confirming ? (
            <>
              <Button variant="danger" disabled={pending} onClick={() => run(deleteDesign, { id: design.id })}>
                Delete for good
              </Button>
              <Button onClick={() => setConfirming(false)}>Keep</Button>
            </>
          ) : (
            <Button onClick={() => setConfirming(true)} aria-label={`Delete ${design.name}`}>
              Delete
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
}
