import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Consumer groups' };

export default function Page() {
  return <NotBuiltYet title="Consumer groups" what="Consumer groups, their members, lag and a Burrow-style status arrive with the live-data issue." />;
}
