import type { GroupMember } from '@/lib/domain/groups/group-model';

/** Who is in the group, from where, and what each member was assigned (the consumer protocol, decoded). */
export function MembersTable({ members, state, note }: { members: GroupMember[]; state: string; note?: string }) {
  if (note && members.length === 0) {
    return (
      <p data-testid="members-note" className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        {note}
      </p>
    );
  }
  if (members.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
        No members: the group is {state}. Its committed offsets stay until they expire (offsets.retention.minutes) or the group is deleted.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="data-table" aria-label="Members">
        <thead>
          <tr>
            <th>Client id</th>
            <th>Host</th>
            <th>Member id</th>
            <th>Assignment</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.memberId}>
              <td className="font-medium">{m.clientId}</td>
              <td className="font-mono text-xs">{m.host}</td>
              <td className="max-w-[18rem] truncate font-mono text-xs text-slate-500" title={m.memberId}>
                {m.memberId}
              </td>
              <td className="text-xs">
                {m.assignment === null || m.assignment.length === 0 ? (
                  <span className="text-slate-500">{m.assignmentNote ?? 'nothing assigned'}</span>
                ) : (
                  <ul className="space-y-0.5">
                    {m.assignment.map((a) => (
                      <li key={a.topic}>
                        <span className="font-mono">{a.topic}</span>: {a.partitions.length === 1 ? 'partition' : 'partitions'} {a.partitions.join(', ')}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
