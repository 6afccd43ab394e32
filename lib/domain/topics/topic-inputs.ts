import { z } from 'zod';
import { topicConfigProblem } from './topic-config-catalog';
import { topicNameProblem } from './topic-name';

/** One zod schema per resource input, shared by the form, the server action and the adapter. */
export const clusterName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Unknown cluster.');

export const topicName = z.string().superRefine((name, ctx) => {
  const problem = topicNameProblem(name);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const configMap = z.record(z.string(), z.string()).superRefine((configs, ctx) => {
  for (const [key, value] of Object.entries(configs)) {
    const problem = topicConfigProblem(key, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: [key] });
  }
});

const positiveInt = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(1, `${what} must be at least 1.`)
    .max(max, `${what} must be at most ${max}.`);

export const createTopicInput = z.object({
  cluster: clusterName,
  name: topicName,
  partitions: positiveInt('Partitions', 100_000),
  replicationFactor: positiveInt('Replication factor', 32),
  configs: configMap.default({}),
});
export type CreateTopicInput = z.infer<typeof createTopicInput>;

export const alterTopicConfigsInput = z
  .object({
    cluster: clusterName,
    topic: topicName,
    set: configMap.default({}),
    reset: z.array(z.string()).default([]),
  })
  .refine((v) => Object.keys(v.set).length + v.reset.length > 0, { message: 'Nothing to change.' });
export type AlterTopicConfigsInput = z.infer<typeof alterTopicConfigsInput>;

export const addPartitionsInput = z.object({
  cluster: clusterName,
  topic: topicName,
  count: positiveInt('Partition count', 100_000),
});
export type AddPartitionsInput = z.infer<typeof addPartitionsInput>;

export const deleteTopicInput = z
  .object({ cluster: clusterName, topic: topicName, confirmation: z.string() })
  .refine((v) => v.confirmation === v.topic, { message: 'Type the topic name exactly to confirm.', path: ['confirmation'] });
export type DeleteTopicInput = z.infer<typeof deleteTopicInput>;

const offsetString = z.string().regex(/^\d+$/, 'Offsets are whole numbers ≥ 0.');

export const deleteRecordsInput = z.object({
  cluster: clusterName,
  topic: topicName,
  /** Records before `beforeOffset` are deleted in each listed partition. */
  partitions: z.array(z.object({ partition: z.number().int().min(0), beforeOffset: offsetString })).min(1, 'Choose at least one partition.'),
});
export type DeleteRecordsInput = z.infer<typeof deleteRecordsInput>;

/** Checks that need the cluster's current state; returns field → message. */
export function createTopicStateProblems(input: CreateTopicInput, state: { brokerCount: number; exists: boolean }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (state.exists) problems.name = `Topic "${input.name}" already exists.`;
  if (input.replicationFactor > state.brokerCount) {
    problems.replicationFactor = `Replication factor ${input.replicationFactor} is more than the ${state.brokerCount} broker${state.brokerCount === 1 ? '' : 's'} in this cluster.`;
  }
  const minIsr = input.configs['min.insync.replicas'];
  if (minIsr !== undefined && Number(minIsr) > input.replicationFactor) {
    problems['configs.min.insync.replicas'] = `min.insync.replicas ${minIsr} is more than the replication factor ${input.replicationFactor}: no write with acks=all could succeed.`;
  }
  return problems;
}

export function partitionCountProblem(topic: string, current: number, requested: number): string | null {
  if (requested < current) return `Topic "${topic}" has ${current} partitions; partitions can only grow.`;
  if (requested === current) return `Topic "${topic}" already has ${current} partitions; enter a larger count.`;
  return null;
}

export function deleteRecordsProblems(
  topic: string,
  requested: DeleteRecordsInput['partitions'],
  watermarks: ReadonlyMap<number, { low: string | null; high: string | null }>,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const r of requested) {
    const w = watermarks.get(r.partition);
    if (!w) {
      problems[`partitions.${r.partition}`] = `Topic "${topic}" has no partition ${r.partition}.`;
    } else if (w.low === null || w.high === null) {
      problems[`partitions.${r.partition}`] = `Partition ${r.partition}'s offsets are unknown right now (is its leader offline?); try again when it is online.`;
    } else if (BigInt(r.beforeOffset) > BigInt(w.high)) {
      problems[`partitions.${r.partition}`] = `Partition ${r.partition} ends at offset ${w.high}; choose an offset up to ${w.high}.`;
    } else if (BigInt(r.beforeOffset) <= BigInt(w.low)) {
      problems[`partitions.${r.partition}`] = `Partition ${r.partition} already starts at offset ${w.low}; nothing before ${r.beforeOffset} to delete.`;
    }
  }
  return problems;
}
