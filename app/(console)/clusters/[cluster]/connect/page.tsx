import type { Metadata } from 'next';
import { authorize } from '@/lib/auth/guard';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Connect' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  await authorize({ permission: 'cluster:read', cluster: (await params).cluster });
  return <NotBuiltYet title="Connect" what="Kafka Connect connectors, their tasks and status have their own issue." />;
}
