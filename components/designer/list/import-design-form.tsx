'use client';
import { useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { importDesign } from '@/lib/actions/designs/import-design';
import { FormAlert, WarningNote } from '@/components/topics/form-feedback';
import { buttonClass } from '@/components/ui/button';
import { failureMessage, runAction } from '../run-action';

/** Upload a design (YAML or JSON) or an AsyncAPI 3 file; problems are listed with their paths in the file. */
export function ImportDesignForm() {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<{ id: string; name: string; list: string[] } | null>(null);
  const [pending, start] = useTransition();

  const onFile = (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setWarnings(null);
    start(async () => {
      const text = await file.text();
      const result = await runAction(importDesign, { fileName: file.name, text });
      if (input.current) input.current.value = '';
      if (!result.ok) return setError(failureMessage(result));
      if (result.data.warnings.length === 0) return router.push(`/designs/${result.data.id}`);
      setWarnings({ id: result.data.id, name: result.data.name, list: result.data.warnings });
      router.refresh();
    });
  };

  return (
    <div className="flex max-w-md flex-col items-end gap-2">
      <label className={`${buttonClass('secondary')} cursor-pointer`}>
        {pending ? 'Importing…' : 'Import file…'}
        <input
          ref={input}
          type="file"
          accept=".yaml,.yml,.json,application/json,application/yaml"
          className="sr-only"
          aria-label="Import a design or AsyncAPI file"
          onChange={(e) => onFile(e.target.files?.[0])}
        />
      </label>
      {error && <FormAlert error={error} title="Import failed" />}
      {warnings && (
        <WarningNote>
          <p className="font-semibold">
            Imported “{warnings.name}” with {warnings.list.length} note{warnings.list.length === 1 ? '' : 's'}:
          </p>
          <ul className="mt-1 list-disc pl-5">
            {warnings.list.slice(0, 10).map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <a className="mt-1 inline-block font-medium underline" href={`/designs/${warnings.id}`}>
            Open it
          </a>
        </WarningNote>
      )}
    </div>
  );
}
