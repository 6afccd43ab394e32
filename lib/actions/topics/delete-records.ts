'use server';
import { revalidatePath } from 'next/cache';
import { deleteRecordsInput, deleteRecordsProblems } from '@/lib/domain/topics/topic-inputs';
import { kafka } from '@/lib/kafka';
import { defineAction, ValidationFailure } from '../safe-action';

export const deleteRecords = defineAction({
  name: 'delete-records',
  schema: deleteRecordsInput,
  permission: 'topic:delete-records',
  handler: async (input) => {
    const { topics } = kafka(input.cluster);
    const detail = await topics.describe(input.topic);
    const watermarks = new Map(detail.partitions.map((p) => [p.partition, { low: p.lowWatermark, high: p.highWatermark }]));
    const problems = deleteRecordsProblems(input.topic, input.partitions, watermarks);
    if (Object.keys(problems).length) throw new ValidationFailure(problems);
    const result = await topics.deleteRecords(input);
    revalidatePath(`/clusters/${input.cluster}/topics/${input.topic}`);
    return { topic: input.topic, partitions: result };
  },
});
