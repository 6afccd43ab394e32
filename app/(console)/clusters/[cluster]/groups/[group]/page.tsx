import type { Metadata } from 'next';
import { loadGroupDetail } from '@/lib/queries/groups';
import { GroupDetailView, GroupNotFound } from '@/components/groups/group-detail-view';
import { GROUP_TABS, type GroupTab } from '@/components/groups/group-tabs';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; group: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function groupParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { group } = await params;
  return { title: `${groupParam(group)} · consumer group` };
}

export default async function GroupPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ cluster, group: rawGroup }, search] = await Promise.all([params, searchParams]);
  const groupId = groupParam(rawGroup);
  const result = await loadGroupDetail(cluster, groupId);
  if (!result.ok) {
    if (result.error.category === 'not-found') return <GroupNotFound cluster={cluster} groupId={groupId} />;
    return (
      <>
        <PageHeader title={<span className="font-mono">{groupId}</span>} subtitle={`Cluster ${cluster}`} />
        <ErrorPanel error={result.error} />
      </>
    );
  }
  const tab = GROUP_TABS.find((t) => t === search.tab) ?? 'lag';
  return <GroupDetailView cluster={cluster} detail={result.data} tab={tab as GroupTab} />;
}
