'use server';
import { revalidatePath } from 'next/cache';
import { createTopicInput, createTopicStateProblems } from '@/lib/domain/topics/topic-inputs';
import { kafka } from '@/lib/kafka';
import { defineAction, ValidationFailure } from '../safe-action';

export const createTopic = defineAction({
  name: 'create-topic',
  schema: createTopicInput,
  permission: 'topic:create',
  handler: async (input) => {
    const { cluster, topics } = kafka(input.cluster);
    const [brokerCount, exists] = await Promise.all([cluster.brokerCount(), topics.exists(input.name)]);
    const problems = createTopicStateProblems(input, { brokerCount, exists });
    if (Object.keys(problems).length) throw new ValidationFailure(problems);
    await topics.create(input);
    revalidatePath(`/clusters/${input.cluster}`, 'layout');
    return { name: input.name };
  },
});
