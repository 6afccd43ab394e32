'use server';
import { revalidatePath } from 'next/cache';
import { deleteTopicInput } from '@/lib/domain/topics/topic-inputs';
import { kafka } from '@/lib/kafka';
import { defineAction } from '../safe-action';

export const deleteTopic = defineAction({
  name: 'delete-topic',
  schema: deleteTopicInput,
  permission: 'topic:delete',
  handler: async (input) => {
    await kafka(input.cluster).topics.delete(input.topic);
    revalidatePath(`/clusters/${input.cluster}`, 'layout');
    return { topic: input.topic };
  },
});
