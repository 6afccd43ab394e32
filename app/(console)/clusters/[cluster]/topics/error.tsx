'use client';
import { TopicsCrash } from '@/components/topics/topics-crash';

export default function TopicsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <TopicsCrash error={error} reset={reset} />;
}
