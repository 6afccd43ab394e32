import type { Metadata } from 'next';
import { loadClusterOverview } from '@/lib/queries/cluster';
import { ClusterOverviewView } from '@/components/overview/cluster-overview-view';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const result = await loadClusterOverview(cluster);
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Overview" subtitle={`Cluster ${cluster}`} />
        <ErrorPanel error={result.error} />
      </>
    );
  }
  return <ClusterOverviewView cluster={cluster} overview={result.data} />;
}
