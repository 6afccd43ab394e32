import type { Metadata } from 'next';
import { authorize } from '@/lib/auth/guard';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Schemas' };

export default async function Page({ params }: { params: Promise<{ cluster: string }> }) {
  await authorize({ permission: 'cluster:read', cluster: (await params).cluster });
  return <NotBuiltYet title="Schemas" what="Browsing and editing the Schema Registry's subjects, versions and compatibility arrives with the designer and live-data issues." />;
}
