import type { PartitionLagEvaluation } from '@/lib/domain/lag/lag-status';
import { ownerKey, type PartitionOwner } from '@/lib/domain/groups/group-model';
import { formatCount } from '@/components/topics/format';
import { LagStatusBadge } from './lag-status-badge';

/** Per partition: committed offset, end offset, lag, status in words, and which member reads it. */
export function PartitionLagTable({ partitions, owners }: { partitions: PartitionLagEvaluation[]; owners: ReadonlyMap<string, PartitionOwner> }) {
  if (partitions.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        The group has no committed offsets and no assigned partitions yet.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="data-table" aria-label="Partition lag">
        <thead>
          <tr>
            <th>Topic</th>
            <th className="num">Partition</th>
            <th className="num" title="The next offset the group will read">
              Committed
            </th>
            <th className="num" title="High watermark">
              End offset
            </th>
            <th className="num">Lag</th>
            <th>Status</th>
            <th>Consumer</th>
          </tr>
        </thead>
        <tbody>
          {partitions.map((p) => {
            const owner = owners.get(ownerKey(p.topic, p.partition));
            return (
              <tr key={`${p.topic}:${p.partition}`} data-partition={`${p.topic}:${p.partition}`}>
                <td className="max-w-[18rem] truncate font-mono text-xs" title={p.topic}>
                  {p.topic}
                </td>
                <td className="num">{p.partition}</td>
                <td className="num">{p.committedOffset === null ? <span className="text-slate-400">none</span> : formatCount(p.committedOffset)}</td>
                <td className="num">{p.endOffset === null ? '—' : formatCount(p.endOffset)}</td>
                <td className="num font-medium">
                  {p.lag === null ? (
                    <span className="text-slate-400" title={p.lagIfFromEarliest ? `${formatCount(p.lagIfFromEarliest)} if it starts from the earliest offset` : undefined}>
                      unknown
                    </span>
                  ) : (
                    formatCount(p.lag)
                  )}
                </td>
                <td className="max-w-[26rem]">
                  <LagStatusBadge status={p.status} severity={p.severity} complete={p.complete} />
                  {p.status !== 'OK' && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{p.explanation.replace(/^partition \d+ of [^:]+: /, '')}</p>}
                </td>
                <td className="text-xs">
                  {owner ? (
                    <span title={owner.memberId}>
                      {owner.clientId} <span className="text-slate-500">{owner.host}</span>
                    </span>
                  ) : (
                    <span className="text-slate-400">unassigned</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
