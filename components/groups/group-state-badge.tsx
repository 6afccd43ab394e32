import { Badge } from '@/components/ui/badge';

const MEANING: Record<string, string> = {
  Stable: 'Members are consuming with a settled assignment.',
  Empty: 'No members; the group keeps its committed offsets. Offsets can be reset and the group deleted.',
  PreparingRebalance: 'Members are (re)joining: consumption pauses until the rebalance ends.',
  CompletingRebalance: 'The leader is assigning partitions: consumption resumes when members receive them.',
  Dead: 'The group has no members and no offsets (deleted or never created).',
  Unknown: 'The coordinator did not describe the group.',
};

export function GroupStateBadge({ state }: { state: string }) {
  const tone = state === 'Stable' ? 'info' : state === 'Empty' ? 'neutral' : state.includes('Rebalance') ? 'warn' : state === 'Dead' || state === 'Unknown' ? 'bad' : 'neutral';
  return (
    <Badge tone={tone} title={MEANING[state]}>
      {state}
    </Badge>
  );
}
