'use server';
import { revalidatePath } from 'next/cache';
import { deleteGroupInput } from '@/lib/domain/groups/group-inputs';
import { consumerGroups } from '@/lib/kafka/groups';
import { defineAction } from '../safe-action';

export const deleteGroup = defineAction({
  name: 'delete-group',
  schema: deleteGroupInput,
  permission: 'group:delete',
  handler: async ({ cluster, groupId }) => {
    await consumerGroups(cluster).delete(groupId);
    revalidatePath(`/clusters/${cluster}/groups`, 'layout');
    return { groupId };
  },
});
