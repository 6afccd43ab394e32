import type { Metadata } from 'next';
import { authorize } from '@/lib/auth/guard';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Consumer groups' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  await authorize({ permission: 'cluster:read', cluster: (await params).cluster });
  return <NotBuiltYet title="Consumer groups" what="Consumer groups, their members, lag and a Burrow-style status arrive with the live-data issue." />;
}
