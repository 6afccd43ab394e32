import type { Metadata } from 'next';
import { loadTopicPage } from '@/lib/queries/cluster';
import { topicNameProblem } from '@/lib/domain/topics/topic-name';
import { DeletedNotice, TopicListView } from '@/components/topics/topic-list-view';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Topics' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function TopicsPage({ params, searchParams }: { params: Promise<{ cluster: string }>; searchParams: Promise<SearchParams> }) {
  const [{ cluster }, search] = await Promise.all([params, searchParams]);
  const result = await loadTopicPage(cluster, search);
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Topics" subtitle={`Cluster ${cluster}`} />
        <ErrorPanel error={result.error} />
      </>
    );
  }
  // Set by the delete flow's redirect; only a legal topic name is echoed back.
  const deleted = typeof search.deleted === 'string' && !topicNameProblem(search.deleted) ? search.deleted : null;
  return <TopicListView cluster={cluster} query={result.data.query} page={result.data.page} notice={deleted ? <DeletedNotice topic={deleted} /> : undefined} />;
}
