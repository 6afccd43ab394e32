import type { Metadata } from 'next';
import { z } from 'zod';
import { publicClusters } from '@/lib/config/load-config';
import { DESIGN_EXPORTERS } from '@/lib/domain/design/export/registry';
import { loadDesign } from '@/lib/queries/designs';
import { AppShell } from '@/components/shell/app-shell';
import { ErrorPanel } from '@/components/ui/error-panel';
import { DesignerView } from '@/components/designer/designer-view';

export const metadata: Metadata = { title: 'Design' };
export const dynamic = 'force-dynamic';

const params = z.object({ id: z.string().min(1).max(64) });

export default async function DesignPage({ params: raw }: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await raw);
  const loaded = await loadDesign(parsed.success ? parsed.data.id : '-');
  if (!loaded.ok) {
    return (
      <AppShell clusters={publicClusters()} current={null}>
        <ErrorPanel error={loaded.error} title="This design cannot be opened" />
      </AppShell>
    );
  }
  const { id, revision, document } = loaded.data;
  const exporters = DESIGN_EXPORTERS.map((x) => ({ id: x.id, label: x.label, description: x.description, perEnvironment: x.perEnvironment }));
  return <DesignerView key={id} designId={id} revision={revision} document={document} clusters={publicClusters()} exporters={exporters} />;
}
