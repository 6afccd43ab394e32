import { redirect } from 'next/navigation';
import { authorize } from '@/lib/auth/guard';
import { publicClusters } from '@/lib/config/load-config';

export const dynamic = 'force-dynamic';

export default async function Home() {
  await authorize({ permission: 'cluster:read' });
  const [first] = publicClusters();
  redirect(`/clusters/${first!.name}`);
}
