import type { Metadata } from 'next';
import Link from 'next/link';
import { loadBrokerCount } from '@/lib/queries/cluster';
import { CreateTopicForm } from '@/components/topics/create-topic-form';
import { WarningNote } from '@/components/topics/form-feedback';
import { PageHeader } from '@/components/ui/page-header';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Create topic' };

export default async function NewTopicPage({ params }: { params: Promise<{ cluster: string }> }) {
  const { cluster } = await params;
  const brokers = await loadBrokerCount(cluster);
  const brokerCount = brokers.ok ? brokers.data : null;
  return (
    <>
      <PageHeader
        title="Create topic"
        subtitle={
          <>
            <Link href={`/clusters/${cluster}/topics`} className="text-sky-700 hover:underline dark:text-sky-400">
              Topics
            </Link>{' '}
            / new · cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span>
          </>
        }
      />
      {!brokers.ok && (
        <div className="mb-4 max-w-3xl">
          <WarningNote>
            <p className="font-semibold">Could not read this cluster&rsquo;s brokers</p>
            <p className="mt-0.5">{brokers.error.message} You can fill in the form; the cluster checks it when you create the topic.</p>
          </WarningNote>
        </div>
      )}
      <CreateTopicForm cluster={cluster} brokerCount={brokerCount} defaultReplicationFactor={Math.min(3, brokerCount ?? 3)} />
    </>
  );
}
