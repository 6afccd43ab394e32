import 'server-only';
import type { Admin } from 'kafkajs';
import { ConsoleError } from '@/lib/domain/console-error';
import { resetTargetProblem } from '@/lib/domain/groups/group-inputs';
import { groupTopics, groupTotals, type ConsumerGroupDetail, type OffsetResetTopicPlan, type PartitionWatermarks } from '@/lib/domain/groups/group-model';
import { offsetResetGuardProblem, planOffsetReset, type OffsetResetStrategy } from '@/lib/domain/lag/offset-reset';
import type { ConsumerGroupService } from './groups-port';
import { toGroupDescription } from './groups-snapshot';
import { toGroupError } from './groups-errors';
import { groupsAdminFor } from './groups-admin';
import { commitGroupOffsets } from './groups-commit';
import { consumerProtocolGroupsOf } from './consumer-protocol-groups';
import { mayBeConsumerProtocolGroup } from '@/lib/domain/groups/consumer-protocol';
import type { LagSampler } from './lag-sampler';

const notFound = (groupId: string) => new ConsoleError({ category: 'not-found', message: `Group "${groupId}" does not exist.`, retryable: false });

export function kafkajsGroupService(clusterName: string, sampler: LagSampler): ConsumerGroupService {
  const run = async <T>(groupId: string, fn: (admin: Admin) => Promise<T>, topic?: string): Promise<T> => {
    try {
      return await groupsAdminFor(clusterName).run((admin) => fn(admin));
    } catch (e) {
      throw toGroupError(e, clusterName, groupId, { topic });
    }
  };

  const describeOne = async (admin: Admin, groupId: string) => {
    const { groups } = await admin.describeGroups([groupId]);
    const g = groups.find((x) => x.groupId === groupId);
    const classic = g ? toGroupDescription(g) : null;
    if (classic && !mayBeConsumerProtocolGroup(classic)) return classic;
    // A KIP-848 group reads as Dead here; its real state decides whether it may be reset or deleted.
    return (await consumerProtocolGroupsOf(clusterName)([groupId])).get(groupId) ?? classic;
  };

  const watermarksOf = async (admin: Admin, topic: string): Promise<PartitionWatermarks[]> => {
    if (!(await admin.listTopics()).includes(topic)) {
      throw new ConsoleError({ category: 'not-found', message: `Topic "${topic}" does not exist.`, retryable: false, field: 'topic' });
    }
    return (await admin.fetchTopicOffsets(topic)).map((o) => ({ partition: o.partition, low: o.low, high: o.high }));
  };

  return {
    list: async () => {
      try {
        return (await sampler.current('all')).summaries();
      } catch (e) {
        throw toGroupError(e, clusterName, '');
      }
    },

    describe: async (groupId) => {
      const book = await sampler.current([groupId]).catch((e: unknown) => {
        throw toGroupError(e, clusterName, groupId);
      });
      const state = book.state(groupId);
      const d = state?.offsets.description;
      if (!state || !d || (d.state === 'Dead' && state.offsets.committed.length === 0)) throw notFound(groupId);
      const snapshotErrors = sampler.lastWatermarkErrors;
      const topics = new Set(groupTopics(state.offsets));
      const detail: ConsumerGroupDetail = {
        description: d,
        evaluation: state.evaluation,
        totals: groupTotals(state.evaluation),
        history: book.points(groupId),
        sampledAt: state.sampledAt,
        sampleIntervalMs: sampler.intervalMs,
        historyCapacity: book.seriesCapacity,
        watermarkErrors: Object.fromEntries(Object.entries(snapshotErrors).filter(([t]) => topics.has(t))),
        ...(state.offsets.error ? { error: state.offsets.error } : {}),
      };
      return detail;
    },

    previewOffsetReset: ({ groupId, topic, partitions, strategy }) =>
      run(
        groupId,
        async (admin) => {
          const description = await describeOne(admin, groupId);
          const committedAll = await admin.fetchOffsets({ groupId });
          const topics = topic ? [topic] : [...new Set(committedAll.map((t) => t.topic))].sort();
          if (topics.length === 0) {
            throw new ConsoleError({
              category: 'invalid-input',
              message: `Group "${groupId}" has no committed offsets; choose a topic to set its offsets.`,
              retryable: false,
              field: 'topic',
            });
          }
          const plans: OffsetResetTopicPlan[] = [];
          const problems: string[] = [];
          for (const t of topics) {
            const marks = await watermarksOf(admin, t);
            const committed = new Map((committedAll.find((c) => c.topic === t)?.partitions ?? []).map((p) => [p.partition, Number(p.offset) < 0 ? null : p.offset]));
            let planned: OffsetResetStrategy;
            if (strategy.kind === 'timestamp') {
              const found = await admin.fetchTopicOffsetsByTimestamp(t, strategy.timestamp);
              const high = new Map(marks.map((m) => [m.partition, m.high]));
              // kafkajs answers the end offset where the broker found no message at or after the time.
              planned = { kind: 'timestamp', timestamp: strategy.timestamp, offsets: Object.fromEntries(found.map((f) => [f.partition, f.offset === high.get(f.partition) ? null : f.offset])) };
            } else {
              planned = strategy;
            }
            const plan = planOffsetReset(
              t,
              marks.map((m) => ({ partition: m.partition, low: m.low, high: m.high, committed: committed.get(m.partition) ?? null })),
              planned,
              topic && partitions ? partitions : undefined,
            );
            if (plan.ok) plans.push({ topic: t, rows: plan.rows });
            else problems.push(...plan.errors);
          }
          if (problems.length) throw new ConsoleError({ category: 'invalid-input', message: problems.join(' '), retryable: false, field: 'strategy' });
          const state = description?.state ?? 'Dead';
          return {
            groupId,
            state,
            topics: plans,
            guardProblem: offsetResetGuardProblem({ groupId, state, memberCount: description?.members.length ?? 0 }),
          };
        },
        topic ?? undefined,
      ),

    applyOffsetReset: ({ groupId, topics }) =>
      run(groupId, async (admin) => {
        const description = await describeOne(admin, groupId);
        const guard = offsetResetGuardProblem({ groupId, state: description?.state ?? 'Dead', memberCount: description?.members.length ?? 0 });
        if (guard) throw new ConsoleError({ category: 'conflict', message: guard, retryable: true });
        const problems: string[] = [];
        for (const t of topics) {
          const marks = new Map((await watermarksOf(admin, t.topic)).map((m) => [m.partition, m]));
          for (const p of t.partitions) {
            const problem = resetTargetProblem(t.topic, p, marks.get(p.partition));
            if (problem) problems.push(problem);
          }
        }
        if (problems.length) throw new ConsoleError({ category: 'conflict', message: problems.join(' '), retryable: false });
        await commitGroupOffsets(clusterName, groupId, topics);
        // The old window would read the jump as a REWIND; the reset was deliberate.
        sampler.resetWindow(groupId);
        const after = await admin.fetchOffsets({ groupId, topics: topics.map((t) => t.topic) });
        const applied = after.map((t) => ({
          topic: t.topic,
          partitions: t.partitions.map((p) => ({ partition: p.partition, offset: Number(p.offset) < 0 ? null : p.offset })).sort((a, b) => a.partition - b.partition),
        }));
        const missed = topics.flatMap((t) =>
          t.partitions.filter((p) => applied.find((a) => a.topic === t.topic)?.partitions.find((a) => a.partition === p.partition)?.offset !== p.offset).map((p) => `${t.topic}:${p.partition}`),
        );
        if (missed.length) {
          throw new ConsoleError({
            category: 'conflict',
            message: `Group "${groupId}" did not take the new offsets of ${missed.join(', ')}: a consumer probably joined during the reset. Stop it, then preview again.`,
            retryable: true,
          });
        }
        return { groupId, topics: applied };
      }),

    delete: (groupId) =>
      run(groupId, async (admin) => {
        const description = await describeOne(admin, groupId);
        if (!description || description.state === 'Dead') throw notFound(groupId);
        const guard = offsetResetGuardProblem({ groupId, state: description.state, memberCount: description.members.length });
        if (guard) {
          throw new ConsoleError({
            category: 'conflict',
            message: `Group "${groupId}" has ${description.members.length} active member${description.members.length === 1 ? '' : 's'} (state ${description.state}); stop its consumers, wait until it is Empty, then delete it.`,
            retryable: true,
          });
        }
        await admin.deleteGroups([groupId]);
        sampler.forget(groupId);
      }),
  };
}
