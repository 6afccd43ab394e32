import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Schemas' };

export default function Page() {
  return <NotBuiltYet title="Schemas" what="Browsing and editing the Schema Registry's subjects, versions and compatibility arrives with the designer and live-data issues." />;
}
