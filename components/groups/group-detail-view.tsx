import Link from 'next/link';
import { groupTopics, type ConsumerGroupDetail } from '@/lib/domain/groups/group-model';
import { offsetResetGuardProblem } from '@/lib/domain/lag/offset-reset';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { WarningNote } from '@/components/topics/form-feedback';
import { DeleteGroupForm } from './delete-group-form';
import { GroupStateBadge } from './group-state-badge';
import type { GroupTab } from './group-tabs';
import { LiveGroupView } from './live-group-view';
import { MembersTable } from './members-table';
import { ResetOffsetsForm } from './reset-offsets-form';

interface Props {
  cluster: string;
  detail: ConsumerGroupDetail;
  tab: GroupTab;
}

export function GroupDetailView({ cluster, detail, tab }: Props) {
  const d = detail.description;
  const guardProblem = offsetResetGuardProblem({ groupId: d.groupId, state: d.state, memberCount: d.members.length });
  const topics = [...new Set([...detail.evaluation.partitions.map((p) => p.topic), ...groupTopics({ description: d, committed: [] })])].sort();
  const partitionsByTopic: Record<string, number[]> = {};
  for (const p of detail.evaluation.partitions) (partitionsByTopic[p.topic] ??= []).push(p.partition);
  for (const list of Object.values(partitionsByTopic)) list.sort((a, b) => a - b);
  const problems = [detail.error, ...Object.values(detail.watermarkErrors)].filter((x): x is string => !!x);
  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <span className="truncate font-mono" title={d.groupId}>
              {d.groupId}
            </span>
            <GroupStateBadge state={d.state} />
            {d.protocolType && d.protocolType !== 'consumer' && <Badge>{d.protocolType}</Badge>}
            {d.groupProtocol === 'consumer' && <Badge title="The group uses the KIP-848 consumer protocol">KIP-848</Badge>}
          </span>
        }
        subtitle={
          <>
            <Link href={`/clusters/${cluster}/groups`} className="text-sky-700 hover:underline dark:text-sky-400">
              Consumer groups
            </Link>{' '}
            · cluster <span className="font-medium text-slate-800 dark:text-slate-200">{cluster}</span>
            {d.protocol && <> · assignor {d.protocol}</>}
          </>
        }
      />
      {problems.length > 0 && (
        <div className="mb-4">
          <WarningNote>
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </WarningNote>
        </div>
      )}
      <LiveGroupView
        cluster={cluster}
        groupId={d.groupId}
        initial={{ evaluation: detail.evaluation, history: detail.history, state: d.state, memberCount: d.members.length, sampledAt: detail.sampledAt }}
        intervalMs={detail.sampleIntervalMs}
        historyCapacity={detail.historyCapacity}
        members={d.members}
        membersUnknown={!!d.membersNote}
        tab={tab}
      >
        {tab === 'members' && <MembersTable members={d.members} state={d.state} note={d.membersNote} />}
        {tab === 'reset' && <ResetOffsetsForm cluster={cluster} groupId={d.groupId} topics={topics} partitionsByTopic={partitionsByTopic} guardProblem={guardProblem} />}
        {tab === 'danger' && <DeleteGroupForm cluster={cluster} groupId={d.groupId} guardProblem={guardProblem} />}
      </LiveGroupView>
    </>
  );
}

export function GroupNotFound({ cluster, groupId }: { cluster: string; groupId: string }) {
  return (
    <div role="alert" className="rounded-lg border border-slate-200 bg-white p-8 text-center dark:border-slate-800 dark:bg-slate-900">
      <p className="text-lg font-semibold">
        Consumer group &ldquo;<span className="font-mono break-all">{groupId}</span>&rdquo; does not exist
      </p>
      <p className="mx-auto mt-1 max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Cluster {cluster} has no group by that id. It may have been deleted, its offsets may have expired, or the link has a typo.
      </p>
      <Link href={`/clusters/${cluster}/groups?q=${encodeURIComponent(groupId)}`} className="mt-4 inline-block text-sky-700 hover:underline dark:text-sky-400">
        Back to consumer groups
      </Link>
    </div>
  );
}
