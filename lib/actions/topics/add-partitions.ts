'use server';
import { revalidatePath } from 'next/cache';
import { addPartitionsInput, partitionCountProblem } from '@/lib/domain/topics/topic-inputs';
import { kafka } from '@/lib/kafka';
import { defineAction, ValidationFailure } from '../safe-action';

export const addPartitions = defineAction({
  name: 'add-partitions',
  schema: addPartitionsInput,
  permission: 'topic:alter',
  handler: async (input) => {
    const { topics } = kafka(input.cluster);
    const current = (await topics.describe(input.topic)).partitions.length;
    const problem = partitionCountProblem(input.topic, current, input.count);
    if (problem) throw new ValidationFailure({ count: problem });
    await topics.addPartitions(input);
    revalidatePath(`/clusters/${input.cluster}`, 'layout');
    return { topic: input.topic, partitions: input.count };
  },
});
