'use client';
import { SectionCrash } from '@/components/ui/section-crash';

export default function TopicsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionCrash title="Topics" error={error} reset={reset} />;
}
