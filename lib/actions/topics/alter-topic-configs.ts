'use server';
import { revalidatePath } from 'next/cache';
import { alterTopicConfigsInput } from '@/lib/domain/topics/topic-inputs';
import { kafka } from '@/lib/kafka';
import { defineAction } from '../safe-action';

export const alterTopicConfigs = defineAction({
  name: 'alter-topic-configs',
  schema: alterTopicConfigsInput,
  permission: 'topic:alter',
  handler: async (input) => {
    await kafka(input.cluster).topics.alterConfigs(input);
    revalidatePath(`/clusters/${input.cluster}/topics/${input.topic}`);
    return { topic: input.topic };
  },
});
