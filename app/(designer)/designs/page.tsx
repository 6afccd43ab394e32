import type { Metadata } from 'next';
import { publicClusters } from '@/lib/config/load-config';
import { DESIGN_TEMPLATES } from '@/lib/domain/design/templates';
import { loadDesignList } from '@/lib/queries/designs';
import { AppShell } from '@/components/shell/app-shell';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DesignListView } from '@/components/designer/list/design-list-view';

export const metadata: Metadata = { title: 'Designs' };
export const dynamic = 'force-dynamic';

export default async function DesignsPage() {
  const designs = await loadDesignList();
  const templates = DESIGN_TEMPLATES.map((t) => ({ id: t.id, title: t.title, summary: t.summary }));
  return (
    <AppShell clusters={publicClusters()} current={null}>
      {designs.ok ? <DesignListView designs={designs.data} templates={templates} clusters={publicClusters()} /> : <ErrorPanel error={designs.error} title="Designs cannot be read" />}
    </AppShell>
  );
}
