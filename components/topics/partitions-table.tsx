import type { PartitionDetail } from '@/lib/domain/topics/topic-model';
import { isOffline, isUnderReplicated } from '@/lib/domain/cluster/cluster-model';
import { Badge } from '@/components/ui/badge';
import { formatCount } from './format';
import { WarningNote } from './form-feedback';

function ReplicaList({ p }: { p: PartitionDetail }) {
  const inSync = new Set(p.isr);
  const offline = new Set(p.offlineReplicas);
  return (
    <span className="flex flex-wrap gap-1">
      {p.replicas.map((r) => {
        const out = !inSync.has(r);
        const state = offline.has(r) ? 'offline' : out ? 'out of sync' : r === p.leader ? 'leader' : 'in sync';
        const tone = offline.has(r)
          ? 'bg-red-100 text-red-800 line-through dark:bg-red-950 dark:text-red-300'
          : out
            ? 'bg-amber-100 text-amber-900 ring-1 ring-amber-400 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-700'
            : 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300';
        return (
          <span key={r} title={`Broker ${r}: ${state}`} className={`rounded px-1.5 font-mono text-xs ${tone} ${r === p.leader ? 'font-bold' : ''}`}>
            {r}
            {(out || offline.has(r)) && <span className="sr-only"> ({state})</span>}
          </span>
        );
      })}
    </span>
  );
}

const Unknown = () => (
  <span className="text-slate-400" title="The broker could not report this partition's offsets">
    unknown
  </span>
);

export function PartitionsTable({ partitions, watermarksError }: { partitions: PartitionDetail[]; watermarksError?: string }) {
  return (
    <>
      {watermarksError && (
        <div className="mb-3">
          <WarningNote>
            <p className="font-semibold">Offsets are unavailable right now</p>
            <p className="mt-0.5">{watermarksError} Replicas and leaders below are current; watermarks and record counts are not shown.</p>
          </WarningNote>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="data-table [&_td]:align-middle" aria-label="Partitions">
          <thead>
            <tr>
              <th className="num">Partition</th>
              <th className="num">Leader</th>
              <th>Replicas</th>
              <th>In-sync replicas</th>
              <th className="num">Low watermark</th>
              <th className="num">High watermark</th>
              <th className="num">Records</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => {
              const offline = isOffline(p);
              const under = isUnderReplicated(p);
              const records = p.highWatermark !== null && p.lowWatermark !== null ? BigInt(p.highWatermark) - BigInt(p.lowWatermark) : null;
              return (
                <tr key={p.partition} className={offline ? 'bg-red-50/70 dark:bg-red-950/30' : under ? 'bg-amber-50/70 dark:bg-amber-950/20' : undefined}>
                  <td className="num font-medium">{p.partition}</td>
                  <td className="num">
                    {offline ? (
                      <Badge tone="bad" title="No leader: this partition can be neither read nor written">
                        offline
                      </Badge>
                    ) : (
                      p.leader
                    )}
                  </td>
                  <td>
                    <ReplicaList p={p} />
                  </td>
                  <td>
                    {p.isr.length ? p.isr.join(', ') : <span className="text-red-600 dark:text-red-400">none</span>}
                    {under && !offline && (
                      <span className="ml-2">
                        <Badge tone="warn">{p.replicas.length - p.isr.length} out of sync</Badge>
                      </span>
                    )}
                  </td>
                  <td className="num">{p.lowWatermark === null ? <Unknown /> : formatCount(p.lowWatermark)}</td>
                  <td className="num">{p.highWatermark === null ? <Unknown /> : formatCount(p.highWatermark)}</td>
                  <td className="num">{records === null ? <Unknown /> : formatCount(records)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
