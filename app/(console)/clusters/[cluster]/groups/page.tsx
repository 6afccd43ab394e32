import type { Metadata } from 'next';
import { loadGroupPage } from '@/lib/queries/groups';
import { groupId as groupIdSchema } from '@/lib/domain/groups/group-inputs';
import { GroupDeletedNotice, GroupListView } from '@/components/groups/group-list-view';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Consumer groups' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function GroupsPage({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  const [{ cluster }, search] = await Promise.all([params, searchParams]);
  const result = await loadGroupPage(cluster, search);
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Consumer groups" subtitle={`Cluster ${cluster}`} />
        <ErrorPanel error={result.error} />
      </>
    );
  }
  // Set by the delete flow's redirect; echoed only when it is a plausible group id.
  const deleted = typeof search.deleted === 'string' && groupIdSchema.safeParse(search.deleted).success ? search.deleted : null;
  const { query, page, sampleIntervalMs } = result.data;
  return <GroupListView cluster={cluster} query={query} page={page} sampleIntervalMs={sampleIntervalMs} notice={deleted ? <GroupDeletedNotice groupId={deleted} /> : undefined} />;
}
