import type { Metadata } from 'next';
import { loadMessagePage, loadSubjects, loadTopicPartitions } from '@/lib/queries/messages';
import { BrowseView } from '@/components/messages/browse-view';
import { MessagesHeader } from '@/components/messages/messages-header';
import { MESSAGES_MODES, type MessagesMode } from '@/components/messages/messages-href';
import { ProduceForm } from '@/components/messages/produce-form';
import { SearchView } from '@/components/messages/search-view';
import { TailView } from '@/components/messages/tail-view';
import { TopicNotFound } from '@/components/topics/topic-not-found';
import { ErrorPanel } from '@/components/ui/error-panel';

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

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { topic } = await params;
  return { title: `${topicParam(topic)} · messages` };
}

export default async function MessagesPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ cluster, topic: rawTopic }, search] = await Promise.all([params, searchParams]);
  const topic = topicParam(rawTopic);
  const mode: MessagesMode = MESSAGES_MODES.find((m) => m === first(search.mode)) ?? 'browse';
  const meta = await loadTopicPartitions(cluster, topic);
  if (!meta.ok) {
    if (meta.error.category === 'not-found') return <TopicNotFound cluster={cluster} topic={topic} />;
    return (
      <>
        <MessagesHeader cluster={cluster} topic={topic} mode={mode} />
        <ErrorPanel error={meta.error} />
      </>
    );
  }
  const partitions = meta.data.length;
  const header = <MessagesHeader cluster={cluster} topic={topic} mode={mode} partitions={partitions} />;

  if (mode === 'tail') {
    return (
      <>
        {header}
        <TailView cluster={cluster} topic={topic} initialFilter={first(search.filter)} />
      </>
    );
  }
  if (mode === 'search') {
    return (
      <>
        {header}
        <SearchView cluster={cluster} topic={topic} partitions={partitions} />
      </>
    );
  }
  if (mode === 'produce') {
    const subjects = await loadSubjects(cluster);
    return (
      <>
        {header}
        <ProduceForm cluster={cluster} topic={topic} partitions={partitions} subjects={subjects.ok ? subjects.data : []} subjectsError={subjects.ok ? undefined : subjects.error.message} />
      </>
    );
  }
  const loaded = await loadMessagePage(cluster, topic, search);
  const values = {
    partition: first(search.partition),
    from: first(search.from) || 'newest',
    offset: first(search.offset),
    ts: first(search.ts),
    limit: first(search.limit),
    filter: first(search.filter),
    cursor: first(search.cursor),
    dir: first(search.dir),
  };
  return (
    <>
      {header}
      <BrowseView cluster={cluster} topic={topic} partitions={partitions} values={values} result={loaded.ok ? { ok: true, page: loaded.data.page } : { ok: false, error: loaded.error }} />
    </>
  );
}
