import type { LagSeverity, PartitionLagStatus } from '@/lib/domain/lag/lag-status';
import { Badge } from '@/components/ui/badge';

const TONE: Record<LagSeverity, 'good' | 'neutral' | 'warn' | 'bad'> = { ok: 'good', unknown: 'neutral', warning: 'warn', error: 'bad' };

/** What each Burrow status means, for tooltips and the legend. */
export const STATUS_MEANING: Record<PartitionLagStatus, string> = {
  OK: 'Keeping up: lag is zero, shrinking, or was zero within the window.',
  UNKNOWN: 'No committed offset, so the lag depends on where the consumer will start.',
  WARN: 'Falling behind: lag grew at every sample while offsets still advanced.',
  STOP: 'Stopped: no commits for the whole window while messages wait, and no members.',
  STALL: 'Stalled: members are present but the offset has not moved while messages wait.',
  REWIND: 'Rewound: the committed offset went back; messages will be read again.',
};

export function LagStatusBadge({ status, severity, complete = true, title }: { status: PartitionLagStatus; severity: LagSeverity; complete?: boolean; title?: string }) {
  return (
    <Badge tone={TONE[severity]} title={title ?? STATUS_MEANING[status]}>
      {status}
      {!complete && status === 'OK' && <span className="ml-1 font-normal opacity-70">(judging…)</span>}
    </Badge>
  );
}
