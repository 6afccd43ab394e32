import { notFound } from 'next/navigation';
import { authorize } from '@/lib/auth/guard';
import { publicClusters } from '@/lib/config/load-config';
import { AppShell } from '@/components/shell/app-shell';

export default async function ClusterLayout({ children, params }: { children: React.ReactNode; params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  await authorize({ permission: 'cluster:read', cluster });
  const clusters = publicClusters();
  const current = clusters.find((c) => c.name === cluster);
  if (!current) notFound();
  return (
    <AppShell clusters={clusters} current={current}>
      {children}
    </AppShell>
  );
}
