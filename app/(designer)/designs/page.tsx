import type { Metadata } from 'next';
import { authorize } from '@/lib/auth/guard';
import { publicClusters } from '@/lib/config/load-config';
import { AppShell } from '@/components/shell/app-shell';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Designs' };
export const dynamic = 'force-dynamic';

export default async function DesignsPage() {
  await authorize({ permission: 'cluster:read' });
  return (
    <AppShell clusters={publicClusters()} current={null}>
      <NotBuiltYet title="Designs" what="The visual event designer (canvas, schemas, lint, plan and apply) has its own issue and is not built yet." />
    </AppShell>
  );
}
