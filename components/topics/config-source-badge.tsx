import type { ConfigSource } from '@/lib/domain/topics/topic-model';
import { Badge } from '@/components/ui/badge';

const SOURCES: Record<ConfigSource, { label: string; tone: 'info' | 'neutral'; title: string }> = {
  topic: { label: 'set on topic', tone: 'info', title: 'An override set on this topic' },
  broker: { label: 'broker', tone: 'neutral', title: 'Inherited from a dynamic config of one broker' },
  cluster: { label: 'cluster default', tone: 'neutral', title: 'Inherited from a dynamic default for all brokers' },
  'static-broker': { label: 'broker file', tone: 'neutral', title: "Inherited from the broker's server.properties" },
  default: { label: 'default', tone: 'neutral', title: "Kafka's built-in default" },
  unknown: { label: 'unknown', tone: 'neutral', title: 'The broker did not say where this value comes from' },
};

export function ConfigSourceBadge({ source }: { source: ConfigSource }) {
  const s = SOURCES[source];
  return (
    <Badge tone={s.tone} title={s.title}>
      {s.label}
    </Badge>
  );
}
