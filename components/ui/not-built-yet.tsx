import { PageHeader } from './page-header';

/** Placeholder for sections whose issue has not landed; says so plainly rather than faking data. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="rounded-lg border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
        <p className="font-medium">Not built yet</p>
        <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600 dark:text-slate-400">{what}</p>
      </div>
    </>
  );
}
