import type { Metadata } from 'next';
import { NotBuiltYet } from '@/components/ui/not-built-yet';

export const metadata: Metadata = { title: 'Connect' };

export default function Page() {
  return <NotBuiltYet title="Connect" what="Kafka Connect connectors, their tasks and status have their own issue." />;
}
