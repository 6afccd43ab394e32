'use client';
import { SectionCrash } from '@/components/ui/section-crash';

export default function GroupsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionCrash title="Consumer groups" error={error} reset={reset} />;
}
