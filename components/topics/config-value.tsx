import type { TopicConfigEntry } from '@/lib/domain/topics/topic-model';
import { humanizeConfigValue } from '@/lib/domain/topics/topic-config-catalog';

/** The raw value, with a readable form beside it ("604800000 · 7 d"), never instead of it. */
export function ConfigValue({ entry }: { entry: Pick<TopicConfigEntry, 'name' | 'value' | 'sensitive'> }) {
  if (entry.sensitive) return <span className="text-slate-500 italic">hidden (sensitive)</span>;
  if (entry.value === null) return <span className="text-slate-400">—</span>;
  if (entry.value === '') return <span className="text-slate-400 italic">empty</span>;
  const human = humanizeConfigValue(entry.name, entry.value);
  return (
    <span className="break-all">
      <span className="font-mono text-xs">{entry.value}</span>
      {human && <span className="ml-1.5 text-xs text-slate-500 dark:text-slate-400">· {human}</span>}
    </span>
  );
}
