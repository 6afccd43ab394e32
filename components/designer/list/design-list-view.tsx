import { PageHeader } from '@/components/ui/page-header';
import type { PublicCluster } from '@/lib/domain/config/console-config';
import { DesignRow, type DesignRowData } from './design-row';
import { ImportClusterForm } from './import-cluster-form';
import { ImportDesignForm } from './import-design-form';
import { NewDesignForm, type TemplateOption } from './new-design-form';

export function DesignListView({ designs, templates, clusters }: { designs: DesignRowData[]; templates: TemplateOption[]; clusters: PublicCluster[] }) {
  return (
    <>
      <PageHeader
        title="Designs"
        subtitle="Event flows drawn on a canvas, linted, and planned against a real cluster."
        actions={<ImportDesignForm />}
      />
      <div className="mb-6 grid gap-4 xl:grid-cols-2">
        <NewDesignForm templates={templates} />
        <ImportClusterForm clusters={clusters} />
      </div>
      {designs.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          No designs yet. Start one above, from a blank canvas or a template, or import a design or AsyncAPI file.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="data-table [&_td]:align-middle" aria-label="Designs">
            <thead>
              <tr>
                <th>Name</th>
                <th className="num">Services</th>
                <th className="num">Topics</th>
                <th className="num">Schemas</th>
                <th>Saved</th>
                <th className="text-right">Actions</th>
              </tr>
            </thead>
            <tbody>
              {designs.map((d) => (
                <DesignRow key={d.id} design={d} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
