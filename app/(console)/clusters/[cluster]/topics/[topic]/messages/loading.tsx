import { TopicsLoading } from '@/components/topics/topics-loading';

export default function Loading() {
  return <TopicsLoading title="Messages" />;
}
