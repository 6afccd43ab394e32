import type { Metadata } from 'next';
import { loadTopicDetail } from '@/lib/queries/cluster';
import { TOPIC_TABS, TopicDetailView, type TopicTab } from '@/components/topics/topic-detail-view';
import { TopicNotFound } from '@/components/topics/topic-not-found';
import { ErrorPanel } from '@/components/ui/error-panel';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';

type Params = Promise<{ cluster: string; topic: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function topicParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  return { title: topicParam(topic) };
}

export default async function TopicPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ cluster, topic: rawTopic }, search] = await Promise.all([params, searchParams]);
  const topic = topicParam(rawTopic);
  const result = await loadTopicDetail(cluster, topic);
  if (!result.ok) {
    if (result.error.category === 'not-found') return <TopicNotFound cluster={cluster} topic={topic} />;
    return (
      <>
        <PageHeader title={<span className="font-mono">{topic}</span>} subtitle={`Cluster ${cluster}`} />
        <ErrorPanel error={result.error} />
      </>
    );
  }
  const tab = TOPIC_TABS.find((t) => t === search.tab) ?? 'partitions';
  return <TopicDetailView cluster={cluster} detail={result.data.detail} brokerCount={result.data.brokerCount} tab={tab as TopicTab} justCreated={search.created === '1'} />;
}
