'use client';
import { GroupsCrash } from '@/components/groups/groups-crash';

export default function GroupsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <GroupsCrash error={error} reset={reset} />;
}
